# HAProxy: one PEM file with the leaf, then the intermediates, then the private key.
sudo mkdir -p /etc/haproxy/certs
sudo bash -c {{sh:combine}}
sudo chmod 600 {{sh:pem}}

# In /etc/haproxy/haproxy.cfg, the frontend that terminates TLS:
#   frontend https
#       mode http
#       bind :{{word:port}} ssl crt {{word:pem}}
#       default_backend gitlab
sudo haproxy -c -f /etc/haproxy/haproxy.cfg && sudo systemctl reload haproxy
