# Put the CA file where GitLab Runner looks for it: named after the host without
# the port, holding the CA certificate(s) as PEM.
{{code:sudo}}mkdir -p {{path:dir}}
{{code:sudo}}cp {{sh:source}} {{path:dest}}
{{code:sudo}}chmod 0644 {{path:dest}}
# The runner reads the file when it connects; restart it after replacing a CA.
{{code:sudo}}gitlab-runner restart
