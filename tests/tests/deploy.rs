//! `deploy/`: the Kubernetes manifests and the Dockerfile have the properties docs/service.md
//! promises: 2+ replicas, probes on the service's real endpoints, non-root and read-only,
//! limits, a Service and an autoscaler that point at the Deployment.

use serde_yaml::Value;

const MANIFESTS: &str = include_str!("../../deploy/kubernetes/certchain.yaml");
const DOCKERFILE: &str = include_str!("../../deploy/Dockerfile");

fn objects() -> Vec<Value> {
    serde_yaml::Deserializer::from_str(MANIFESTS)
        .map(|document| serde::Deserialize::deserialize(document).expect("valid YAML"))
        .collect()
}

fn kind<'a>(objects: &'a [Value], kind: &str) -> &'a Value {
    objects.iter().find(|o| o["kind"].as_str() == Some(kind)).unwrap_or_else(|| panic!("no {kind}"))
}

fn at<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(value, |v, key| match key.parse::<usize>() {
        Ok(i) => &v[i],
        Err(_) => &v[key],
    })
}

#[test]
fn the_deployment_is_replicated_probed_limited_and_locked_down() {
    let objects = objects();
    let deployment = kind(&objects, "Deployment");
    assert!(at(deployment, "spec.replicas").as_u64() >= Some(2));
    let pod = at(deployment, "spec.template.spec");
    assert_eq!(at(pod, "securityContext.runAsNonRoot").as_bool(), Some(true));
    assert!(at(pod, "securityContext.runAsUser").as_u64() > Some(0));
    assert_eq!(at(pod, "automountServiceAccountToken").as_bool(), Some(false));
    let container = at(pod, "containers.0");
    assert_eq!(at(container, "securityContext.readOnlyRootFilesystem").as_bool(), Some(true));
    assert_eq!(at(container, "securityContext.allowPrivilegeEscalation").as_bool(), Some(false));
    assert_eq!(at(container, "securityContext.capabilities.drop.0").as_str(), Some("ALL"));
    for resource in ["limits.cpu", "limits.memory", "requests.cpu", "requests.memory"] {
        assert!(!at(container, &format!("resources.{resource}")).is_null(), "{resource}");
    }
    // The probes ask the endpoints the service really has.
    let openapi: serde_json::Value =
        serde_json::from_str(certchain::serve::OPENAPI).expect("OpenAPI JSON");
    for probe in ["livenessProbe", "readinessProbe"] {
        let path = at(container, &format!("{probe}.httpGet.path")).as_str().unwrap_or_default();
        assert!(openapi["paths"].get(path).is_some(), "{probe} asks {path}, which is not served");
    }
    let args: Vec<&str> = at(container, "args")
        .as_sequence()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(&args[..3], ["serve", "--listen", "0.0.0.0:8080"]);
    assert_eq!(at(container, "ports.0.containerPort").as_u64(), Some(8080));
}

#[test]
fn the_service_autoscaler_and_budget_point_at_the_deployment() {
    let objects = objects();
    let deployment = kind(&objects, "Deployment");
    let labels = at(deployment, "spec.template.metadata.labels");
    let service = kind(&objects, "Service");
    assert_eq!(at(service, "spec.selector"), labels);
    assert_eq!(at(service, "spec.ports.0.targetPort").as_str(), Some("http"));
    assert_eq!(
        at(deployment, "spec.template.spec.containers.0.ports.0.name").as_str(),
        Some("http")
    );
    let hpa = kind(&objects, "HorizontalPodAutoscaler");
    assert_eq!(at(hpa, "spec.scaleTargetRef.name"), at(deployment, "metadata.name"));
    assert!(at(hpa, "spec.minReplicas").as_u64() >= Some(2));
    assert!(at(hpa, "spec.maxReplicas").as_u64() > at(hpa, "spec.minReplicas").as_u64());
    let budget = kind(&objects, "PodDisruptionBudget");
    assert_eq!(at(budget, "spec.selector.matchLabels"), labels);
    let policy = kind(&objects, "NetworkPolicy");
    assert!(at(policy, "spec.egress").is_null(), "no egress while fetch is off");
}

#[test]
fn the_image_is_built_from_source_and_runs_non_root_without_a_shell() {
    let stages: Vec<&str> = DOCKERFILE.lines().filter(|l| l.starts_with("FROM ")).collect();
    assert_eq!(stages.len(), 2, "{stages:?}");
    assert!(stages[1].contains("distroless") && stages[1].contains("nonroot"), "{}", stages[1]);
    let after_last_from = DOCKERFILE.rsplit("FROM ").next().unwrap_or_default();
    assert!(after_last_from.contains("USER 65532"), "the run stage must set a non-root user");
    assert!(after_last_from.contains("ENTRYPOINT [\"/usr/local/bin/certchain\", \"serve\""));
    assert!(DOCKERFILE.contains("cargo build --release --locked -p certchain"));
    assert!(!DOCKERFILE.contains("ADD http"), "no downloads at build time");
}
