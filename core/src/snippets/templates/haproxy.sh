# HAProxy: one PEM file with the leaf, then the intermediates, then the private key.
sudo mkdir -p /etc/haproxy/certs
sudo sh -c 'umask 077; cat {{fullchain}} {{host}}.key > /etc/haproxy/certs/{{host}}.pem'
sudo chmod 600 /etc/haproxy/certs/{{host}}.pem

# In /etc/haproxy/haproxy.cfg, the frontend that terminates TLS:
#   frontend https
#       mode http
#       bind :{{port}} ssl crt /etc/haproxy/certs/{{host}}.pem
#       default_backend gitlab
sudo haproxy -c -f /etc/haproxy/haproxy.cfg && sudo systemctl reload haproxy
