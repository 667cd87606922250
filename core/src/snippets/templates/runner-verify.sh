# Check the CA file against the live server: it must print "Verify return code: 0 (ok)".
echo | openssl s_client -CAfile {{path:ca_path}}{{code:partial_chain}} -connect {{sh:connect}} -servername {{sh:host}} 2>/dev/null | grep 'Verify return code'
