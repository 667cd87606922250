# Docker: trust the private CA for the registry {{registry}} (no daemon restart needed).
sudo mkdir -p /etc/docker/certs.d/{{registry}}
sudo cp {{ca_file}} /etc/docker/certs.d/{{registry}}/ca.crt
# Check:
docker pull {{registry}}/group/project/image:tag

# containerd (Kubernetes nodes, nerdctl), when its config.toml sets
# config_path = "/etc/containerd/certs.d" for the CRI registry:
sudo mkdir -p /etc/containerd/certs.d/{{registry}}
sudo cp {{ca_file}} /etc/containerd/certs.d/{{registry}}/ca.crt
sudo tee /etc/containerd/certs.d/{{registry}}/hosts.toml > /dev/null <<'HOSTS_TOML'
server = "https://{{registry}}"

[host."https://{{registry}}"]
  ca = "/etc/containerd/certs.d/{{registry}}/ca.crt"
HOSTS_TOML
