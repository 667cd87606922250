# Register a runner that trusts the private CA of {{comment:host}}.
# RUNNER_TOKEN: the runner authentication token (glrt-...) from GitLab.
{{code:sudo}}gitlab-runner register \
  --non-interactive \
  --url {{sh:url}} \
  --token "$RUNNER_TOKEN" \
  --executor {{sh:executor}} \{{code:executor_flags}}
  --tls-ca-file {{path:ca_path}}
