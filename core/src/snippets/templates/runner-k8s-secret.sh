# The CA of {{host}} as a Secret in the runner's namespace. Key ca.crt: what the
# job pods mount (runner-k8s-volume).{{helm_comment}}
kubectl create secret generic {{secret}} --namespace {{namespace}} \
  --from-file=ca.crt={{source}}{{helm_key}} \
  --dry-run=client -o yaml | kubectl apply -f -
