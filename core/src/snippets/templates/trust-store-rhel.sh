# RHEL/Fedora/Rocky/Alma: add the private CA of {{host}} to the system trust store.
# The anchors folder takes PEM files with one or several certificates.
sudo cp {{ca_file}} /etc/pki/ca-trust/source/anchors/{{host}}-ca.pem
sudo update-ca-trust extract
# Check: this must print "Verify return code: 0 (ok)", with no -CAfile.
echo | openssl s_client -connect {{connect}} -servername {{host}} 2>/dev/null | grep 'Verify return code'
