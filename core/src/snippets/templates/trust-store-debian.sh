# Debian/Ubuntu: add the private CA of {{comment:host}} to the system trust store.
# update-ca-certificates reads PEM files named *.crt, one certificate per file.
sudo mkdir -p /usr/local/share/ca-certificates
{{code:split}}
sudo update-ca-certificates
# Check: this must print "Verify return code: 0 (ok)", with no -CAfile.
echo | openssl s_client -connect {{sh:connect}} -servername {{sh:host}} 2>/dev/null | grep 'Verify return code'
