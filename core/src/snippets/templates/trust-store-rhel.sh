# RHEL/Fedora/Rocky/Alma: add the private CA of {{comment:host}} to the system trust store.
# The anchors folder takes PEM files with one or several certificates.
sudo cp {{sh:ca_file}} {{sh:anchor}}
sudo update-ca-trust extract
# Check: this must print "Verify return code: 0 (ok)", with no -CAfile.
echo | openssl s_client -connect {{sh:connect}} -servername {{sh:host}} 2>/dev/null | grep 'Verify return code'
