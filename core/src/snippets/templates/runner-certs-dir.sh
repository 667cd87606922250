# Put the CA file where GitLab Runner looks for it: the file is named after the
# host without the port, and holds the CA certificate(s), PEM.
sudo mkdir -p {{dir}}
sudo cp {{file}} {{dir}}{{file}}
sudo chmod 0644 {{dir}}{{file}}
# Check it: this must print "Verify return code: 0 (ok)".
echo | openssl s_client -CAfile {{dir}}{{file}} -connect {{authority}} -servername {{host}} 2>/dev/null | grep 'Verify return code'
