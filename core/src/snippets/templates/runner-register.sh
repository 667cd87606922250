# Register a runner that trusts the private CA of {{host}}.
# RUNNER_TOKEN: the runner authentication token (glrt-...) from GitLab.
{{sudo}}gitlab-runner register \
  --non-interactive \
  --url "{{url}}" \
  --token "$RUNNER_TOKEN" \
  --executor "{{executor}}" \{{executor_flags}}
  --tls-ca-file "{{ca_path}}"
