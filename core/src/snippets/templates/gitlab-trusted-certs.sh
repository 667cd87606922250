# GitLab (Linux package): trust the private CA for GitLab's own outgoing HTTPS
# (webhooks, integrations, mirroring, OAuth/LDAPS, object storage, its registry and Pages).
# One certificate per file: reconfigure hashes the files with `openssl rehash`, which skips
# a file that holds several certificates.
sudo mkdir -p /etc/gitlab/trusted-certs
{{code:split}}
sudo gitlab-ctl reconfigure
