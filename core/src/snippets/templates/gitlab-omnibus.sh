# GitLab (Linux package): serve the full chain for {{host}}.
# The .crt holds the FULL CHAIN, leaf first ({{fullchain}} from certchain), not the leaf alone.
sudo mkdir -p /etc/gitlab/ssl
sudo chmod 755 /etc/gitlab/ssl
sudo cp {{fullchain}} /etc/gitlab/ssl/{{host}}.crt
sudo cp {{host}}.key /etc/gitlab/ssl/{{host}}.key
sudo chmod 600 /etc/gitlab/ssl/{{host}}.key

# /etc/gitlab/gitlab.rb is Ruby: the last assignment wins, so these appended lines take effect.
sudo tee -a /etc/gitlab/gitlab.rb > /dev/null <<'GITLAB_RB'
external_url "{{external_url}}"
nginx['ssl_certificate'] = "/etc/gitlab/ssl/{{host}}.crt"
nginx['ssl_certificate_key'] = "/etc/gitlab/ssl/{{host}}.key"
letsencrypt['enable'] = false
GITLAB_RB

sudo gitlab-ctl reconfigure
# Later, when only the certificate files change (renewal), this reloads them:
#   sudo gitlab-ctl hup nginx
# Check: this must print "Verify return code: 0 (ok)".
echo | openssl s_client{{ca_option}} -connect {{connect}} -servername {{host}} 2>/dev/null | grep 'Verify return code'
