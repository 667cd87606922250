//! Privileged job pods for Docker-in-Docker: the ways past Mirantis Kubernetes Engine's
//! "non-admin user … lack required permissions to use attributes [privileged]" (the MKE
//! article: cluster-admin binding, then PodSecurityPolicy + ClusterRole + ClusterRoleBinding
//! with MKE's "Service account privileges"), and Pod Security Admission, which replaced
//! PodSecurityPolicy in Kubernetes 1.25.

use super::template::fill;
use super::{Context, Snippet};
use crate::report::Text;

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
        title: Text::new("MKE: grant privileged to the runner's service account", "MKE: Runner の ServiceAccount に privileged を許可"),
        filename: "mke-service-account-privileges.txt".into(),
        language: "text",
        body: fill(include_str!("templates/mke-service-account-privileges.txt"), &values(context)),
        notes: vec![
            Text::new(
                format!("MKE's own admission controller (UCPAuthorization) refuses privileged pods from accounts that are not admins, whatever PodSecurityPolicy allows. Granting \"privileged\" to {account} is what lets the runner through, and nothing more."),
                format!("MKE 独自の Admission Controller(UCPAuthorization)は、PodSecurityPolicy の許可に関係なく、管理者でないアカウントの特権 Pod を拒否します。{account} に「privileged」を許可すれば、それだけが通るようになります。"),
            ),
            Text::new(
                "The account must not be bound to cluster-admin (MKE ignores grants to such accounts); remove mke-cluster-admin if you tried it.",
                "このアカウントを cluster-admin に結びつけてはいけません(MKE はその場合の許可を扱いません)。mke-cluster-admin を試した場合は削除してください。",
            ),
            Text::new(
                "The account is the one in the error: non-admin user \"namespace:serviceaccount\". Set the namespace and service account parameters to match.",
                "アカウントはエラーの non-admin user \"namespace:serviceaccount\" に出ているものです。パラメーターの namespace と ServiceAccount を合わせてください。",
            ),
        ],
        dangerous: false,
    }
}

fn psp(context: &Context) -> Snippet {
    Snippet {
        target: "mke-psp",
        title: Text::new("MKE (Kubernetes ≤ 1.24): PodSecurityPolicy for the runner", "MKE(Kubernetes 1.24 以前): Runner 用の PodSecurityPolicy"),
        filename: "gitlab-runner-psp.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/mke-psp.yaml"), &values(context)),
        notes: vec![
            Text::new(
                "Alone, this does not pass MKE: its admission controller keeps refusing privileged pods until the service account is granted \"privileged\" (mke-service-account-privileges). Apply both.",
                "これだけでは MKE を通りません。ServiceAccount に「privileged」を許可する(mke-service-account-privileges)まで、MKE の Admission Controller が特権 Pod を拒否し続けます。両方を適用します。",
            ),
            Text::new(
                "The article's ClusterRole also grants every verb on every resource, which is cluster-admin under another name; this one only allows using the policy.",
                "記事の ClusterRole はすべてのリソースにすべての操作を許可しており、実質 cluster-admin です。こちらはポリシーの use だけを許可します。",
            ),
            Text::new(
                "PodSecurityPolicy was removed in Kubernetes 1.25: on newer clusters use k8s-pod-security-admission instead.",
                "PodSecurityPolicy は Kubernetes 1.25 で削除されました。新しいクラスターでは k8s-pod-security-admission を使います。",
            ),
        ],
        dangerous: false,
    }
}

fn cluster_admin(context: &Context) -> Snippet {
    Snippet {
        target: "mke-cluster-admin",
        title: Text::new("MKE: bind cluster-admin to the runner", "MKE: Runner に cluster-admin を付与"),
        filename: "gitlab-runner-cluster-admin.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/mke-cluster-admin.yaml"), &values(context)),
        notes: vec![
            Text::new(
                "Dangerous: every job can then read every Secret and change anything in the cluster. It works because MKE lets cluster-admin start privileged pods; use mke-service-account-privileges instead.",
                "危険です。すべてのジョブがクラスター内のあらゆる Secret を読み、何でも変更できるようになります。MKE が cluster-admin に特権 Pod を許可するので動きますが、mke-service-account-privileges を使ってください。",
            ),
            Text::new(
                "If you applied it to test, remove it afterwards: kubectl delete clusterrolebinding <name>.",
                "試しに適用した場合は、後で kubectl delete clusterrolebinding <名前> で削除してください。",
            ),
        ],
        dangerous: true,
    }
}

fn pod_security_admission(context: &Context) -> Snippet {
    Snippet {
        target: "k8s-pod-security-admission",
        title: Text::new("Kubernetes 1.25+: allow privileged pods in the runner's namespace", "Kubernetes 1.25 以降: Runner の namespace で特権 Pod を許可"),
        filename: "namespace.yaml".into(),
        language: "yaml",
        body: fill(include_str!("templates/k8s-pod-security-admission.yaml"), &values(context)),
        notes: vec![
            Text::new(
                "Pod Security Admission replaced PodSecurityPolicy (removed in Kubernetes 1.25). \"privileged\" is needed for docker:dind; keep the namespace for the runner's jobs only.",
                "Pod Security Admission は PodSecurityPolicy(Kubernetes 1.25 で削除)の後継です。docker:dind には「privileged」が必要です。この namespace は Runner のジョブ専用にしてください。",
            ),
            Text::new(
                "On MKE its own admission controller still applies: grant \"privileged\" to the service account as well.",
                "MKE では独自の Admission Controller も引き続き働きます。ServiceAccount への「privileged」の許可も必要です。",
            ),
        ],
        dangerous: false,
    }
}
