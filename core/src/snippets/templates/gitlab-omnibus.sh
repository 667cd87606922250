# GitLab (Linux package): serve the full chain for {{comment:host}}.
# The .crt holds the FULL CHAIN, leaf first ({{comment:fullchain}} from certchain), not the leaf alone.
sudo mkdir -p /etc/gitlab/ssl
sudo chmod 755 /etc/gitlab/ssl
sudo cp {{sh:fullchain}} {{sh:crt_path}}
sudo cp {{sh:key}} {{sh:key_path}}
sudo chmod 600 {{sh:key_path}}

# /etc/gitlab/gitlab.rb is Ruby: the last assignment wins, so these appended lines take effect.
sudo tee -a /etc/gitlab/gitlab.rb > /dev/null <<'GITLAB_RB'
external_url {{ruby:external_url}}
nginx['ssl_certificate'] = {{ruby:crt_path}}
nginx['ssl_certificate_key'] = {{ruby:key_path}}
letsencrypt['enable'] = false
GITLAB_RB

sudo gitlab-ctl reconfigure
# Later, when only the certificate files change (renewal), this reloads them:
#   sudo gitlab-ctl hup nginx
# Check: this must print "Verify return code: 0 (ok)".
echo | openssl s_client{{code:ca_option}} -connect {{sh:connect}} -servername {{sh:host}} 2>/dev/null | grep 'Verify return code'
