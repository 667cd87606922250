# macOS: trust the root CA of {{host}} in the System keychain (every user).
# add-trusted-cert reads one certificate: {{ca_file}} lists the root last, so take the last one.
awk '/-----BEGIN CERTIFICATE-----/ { cert = "" } { cert = cert $0 "\n" } END { printf "%s", cert }' {{ca_file}} > {{host}}-root.pem
sudo security add-trusted-cert -d -r {{result}} -k /Library/Keychains/System.keychain {{host}}-root.pem
