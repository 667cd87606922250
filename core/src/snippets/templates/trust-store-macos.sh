# macOS: trust the root CA of {{comment:host}} in the System keychain (every user).
# add-trusted-cert reads one certificate: {{comment:ca_name}} lists the root last, so take the last one.
awk '/-----BEGIN CERTIFICATE-----/ { cert = "" } { cert = cert $0 "\n" } END { printf "%s", cert }' {{sh:ca_file}} > {{sh:root_file}}
sudo security add-trusted-cert -d -r {{sh:result}} -k /Library/Keychains/System.keychain {{sh:root_file}}
