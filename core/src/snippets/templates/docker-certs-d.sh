# Docker: trust the private CA for the registry {{comment:registry}} (no daemon restart needed).
sudo mkdir -p {{sh:docker_dir}}
sudo cp {{sh:ca_file}} {{sh:docker_ca}}
# Check:
docker pull {{sh:image}}

# containerd (Kubernetes nodes, nerdctl), when its config.toml sets
# config_path = "/etc/containerd/certs.d" for the CRI registry:
sudo mkdir -p {{sh:containerd_dir}}
sudo cp {{sh:ca_file}} {{sh:containerd_ca}}
sudo tee {{sh:hosts_toml}} > /dev/null <<'HOSTS_TOML'
server = {{toml:server}}

[host.{{toml:server}}]
  ca = {{toml:containerd_ca}}
HOSTS_TOML
