# The CA of {{comment:host}} as a Secret in the runner's namespace. Key ca.crt: what the
# job pods mount (runner-k8s-volume).{{code:helm_comment}}
kubectl create secret generic {{sh:secret}} --namespace {{sh:namespace}} \
  --from-file={{sh:from_file}}{{code:helm_key}} \
  --dry-run=client -o yaml | kubectl apply -f -
