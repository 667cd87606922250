//! Privileged job pods for Docker-in-Docker: the ways past Mirantis Kubernetes Engine's
//! "non-admin user … lack required permissions to use attributes [privileged]" (the MKE
//! article: cluster-admin binding, then PodSecurityPolicy + ClusterRole + ClusterRoleBinding
//! with MKE's "Service account privileges"), and Pod Security Admission, which replaced
//! PodSecurityPolicy in Kubernetes 1.25.

use super::template::fill;
use super::{Context, Snippet};

/// The privileged-pod snippets, when jobs run Docker-in-Docker on Kubernetes.
pub fn offer(context: &Context) -> Vec<Snippet> {
    if !context.kubernetes() || !context.dind() {
        return Vec::new();
    }
    let mut offered = Vec::new();
    if context.mke() {
        offered.extend([service_account_privileges(context), psp(context), cluster_admin(context)]);
    }
    offered.push(pod_security_admission(context));
    offered
}

fn values(context: &Context) -> [(&'static str, String); 5] {
    let (namespace, service_account) = context.account();
    [
        ("account", format!("{namespace}:{service_account}")),
        ("binding", format!("{service_account}-cluster-admin")),
        ("psp", format!("{service_account}-psp")),
        ("namespace", namespace),
        ("service_account", service_account),
    ]
}

fn service_account_privileges(context: &Context) -> Snippet {
    let (namespace, service_account) = context.account();
    let account = format!("{namespace}:{service_account}");
    Snippet {
        target: "mke-service-account-privileges",
        title: crate::text!("snippet-mke-service-account-privileges"),
        filename: "mke-service-account-privileges.txt".into(),
        language: "text",
        body: fill(include_str!("templates/mke-service-account-privileges.txt"), &values(context)),
        notes: vec![
            crate::text!("snippet-mke-service-account-privileges.admission", account = account),
            crate::text!("snippet-mke-service-account-privileges.not-cluster-admin"),
            crate::text!("snippet-mke-service-account-privileges.account"),
        ],
        dangerous: false,
    }
}

fn psp(context: &Context) -> Snippet {
    Snippet {
        target: "mke-psp",
        title: crate::text!("snippet-mke-psp"),
        filename: "gitlab-runner-psp.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/mke-psp.yaml"), &values(context)),
        notes: vec![
            crate::text!("snippet-mke-psp.not-alone"),
            crate::text!("snippet-mke-psp.cluster-role"),
            crate::text!("snippet-mke-psp.removed"),
        ],
        dangerous: false,
    }
}

fn cluster_admin(context: &Context) -> Snippet {
    Snippet {
        target: "mke-cluster-admin",
        title: crate::text!("snippet-mke-cluster-admin"),
        filename: "gitlab-runner-cluster-admin.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/mke-cluster-admin.yaml"), &values(context)),
        notes: vec![
            crate::text!("snippet-mke-cluster-admin.dangerous"),
            crate::text!("snippet-mke-cluster-admin.remove"),
        ],
        dangerous: true,
    }
}

fn pod_security_admission(context: &Context) -> Snippet {
    Snippet {
        target: "k8s-pod-security-admission",
        title: crate::text!("snippet-k8s-pod-security-admission"),
        filename: "namespace.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/k8s-pod-security-admission.yaml"), &values(context)),
        notes: vec![
            crate::text!("snippet-k8s-pod-security-admission.replaced-psp"),
            crate::text!("snippet-k8s-pod-security-admission.mke"),
        ],
        dangerous: false,
    }
}
