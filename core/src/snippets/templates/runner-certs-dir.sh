# Put the CA file where GitLab Runner looks for it: named after the host without
# the port, holding the CA certificate(s) as PEM.
{{sudo}}mkdir -p "{{dir}}"
{{sudo}}cp "{{source}}" "{{dir}}{{file}}"
{{sudo}}chmod 0644 "{{dir}}{{file}}"
# The runner reads the file when it connects; restart it after replacing a CA.
{{sudo}}gitlab-runner restart
