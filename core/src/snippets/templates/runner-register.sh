# Register a runner that trusts the private CA of {{host}}.
sudo gitlab-runner register \
  --non-interactive \
  --url "{{url}}" \
  --token "$RUNNER_TOKEN" \
  --executor "{{executor}}" \
  --tls-ca-file "{{ca_path}}"
