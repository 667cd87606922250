# Check the CA file against the live server: it must print "Verify return code: 0 (ok)".
echo | openssl s_client -CAfile {{ca_path}}{{partial_chain}} -connect {{connect}} -servername {{host}} 2>/dev/null | grep 'Verify return code'
