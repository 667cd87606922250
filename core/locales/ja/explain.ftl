# explain: ja
#
# ログにあるエラーメッセージを、レポートと照らして説明する: メッセージの意味、原因(一緒に
# 貼り付けられた証明書から読む)、直し方。証明書はラベル `#1 "R3"` で示す。

-runner-certs-dir = /etc/gitlab-runner/certs

## メッセージについてレポートから分かること(cause.rs)。すべての種類で共通。

explain-no-chain-cause = ログと一緒に証明書が貼り付けられていないため、どの証明書が原因かは判定できません。
# $command: チェーンを表示する openssl s_client のコマンド。
# $port: ログにポートがあれば "given"(コマンドはそのポートを使う)、なければ "default"。
explain-no-chain-fix = 失敗するマシンからサーバーが送るチェーンを取得してください: `{ $command }`{ $port ->
        [given] {""}
       *[default] (URL のポートが 443 でなければ置き換えてください)
    }。その出力をログと一緒に貼り付けてください。

explain-without-showcerts-cause = クライアントはサーバーが送った最後の証明書の発行者を見つけられませんでした。しかしこの s_client の出力は -showcerts なしで取得されていて最初の 1 枚しか含まないため、どの CA が足りないかは分かりません。多くの場合、クライアントのトラストストアに無いプライベートなルート CA です。
# $command: openssl s_client -showcerts のコマンド。
explain-without-showcerts-fix = `{ $command }` で取得し直し、出力全体を貼り付けてください。certchain が不足している CA を特定し、クライアント用の CA ファイルを作成します。

# $issuer: 足りない中間証明書の名前。$label: それが発行した証明書。
explain-missing-intermediate-cause = サーバーが { $label } の発行者である中間証明書「{ $issuer }」を送っていません。これを持たないクライアントはチェーンを構築できません。
explain-missing-intermediate-fix = 直すのはクライアントではなくサーバーです。リーフの後に中間証明書を続けたファイル(このレポートの fullchain.pem)を設定し、リロードしてください。

# $anchor: プライベート CA(ラベル、または引用符付きの名前)。$client: メッセージを出したプログラム。
explain-private-ca-cause = サーバーのチェーンはプライベート CA { $anchor } で終わっていますが、{ $client ->
        [runner] GitLab Runner
        [registry] イメージを取得する Docker ホストまたは Kubernetes ノード
        [git] git
        [curl] curl
        [java] Java ランタイム
        [python] Python
        [node] Node.js
       *[openssl] クライアント
    }はこの CA を信頼していません。
# クライアントごとの CA ファイルの渡し方と、それがレポートのどのファイルか。
explain-private-ca-fix = { $client ->
        [runner] CA ファイル(PEM)を { -runner-certs-dir }/<host>.crt に置くか、config.toml の [[runners]] セクションで tls-ca-file を指定し、Runner を再起動してください(gitlab-runner restart。証明書を変更したら再起動するよう公式ドキュメントにあります)。
        [registry] イメージを取得するすべての Docker ホストまたは Kubernetes ノードのトラストストアに CA を追加してください(Docker は /etc/docker/certs.d/<レジストリ>/ca.crt、Kubernetes はシステムのトラストストアに追加して containerd を再起動)。Runner の tls-ca-file や certs ディレクトリはイメージの取得には効きません。
        [git] git に CA ファイルを指定してください: `git config --global http.sslCAInfo /path/ca.crt`。またはクローンの前にジョブイメージのトラストストアへインストールしてください。
        [curl] curl に CA ファイルを指定する(`curl --cacert /path/ca.crt`)か、システムのトラストストアにインストールしてください(update-ca-certificates)。
        [java] プログラムを実行する JVM のトラストストアに CA をインポートしてください(`keytool -importcert -cacerts -alias my-ca -file ca.crt`)。
        [python] Python に CA ファイルを指定してください(SSL_CERT_FILE、requests なら REQUESTS_CA_BUNDLE)。またはシステムのトラストストアにインストールしてください。
        [node] NODE_EXTRA_CA_CERTS=/path/ca.crt を指定して Node.js を起動してください(Node 組み込みのルートに CA が追加されます)。
       *[openssl] CA ファイルをクライアントのトラストストアにインストールする(update-ca-certificates)か、明示的に指定してください(`-CAfile`、`--cacert`)。
    } CA ファイルはこのレポートの ca-bundle.pem / <host>.crt です(CA 証明書のみ。サーバー証明書ではありません)。

# $anchor: 公的ルートの名前。
explain-public-chain-cause = 貼り付けられたチェーンに問題はなく、公的ルート「{ $anchor }」で終わっています。クライアントのトラストストアが古いか、TLS を傍受するプロキシが途中で証明書を差し替えています。
# $command: クライアントが受け取る証明書の SHA-256 を表示するコマンド。$sha: リーフの SHA-256。
explain-public-chain-fix = 失敗するマシンで `{ $command }` を実行し、ここにあるリーフの SHA-256({ $sha })と比べてください。異なる場合はプロキシが TLS を傍受しているので、その CA を信頼させる必要があります。同じ場合はクライアントの CA 証明書パッケージを更新してください。

# $summary: レポートの要約。
explain-chain-problems-cause = チェーン自体に問題があります: { $summary }
explain-chain-problems-fix = このレポートの指摘事項を、重大なものから順に修正してください。

## Go の crypto/x509(go_x509.rs): GitLab Runner、Docker、kubectl、Helm。

explain-go-unknown-authority-meaning = Go のクライアント(GitLab Runner、Docker、kubectl、Helm)が、サーバー証明書を信頼している CA につなげられませんでした。
explain-go-registry-meaning = ジョブイメージの取得に失敗しました。イメージを取得する Docker ホストまたは Kubernetes ノードがレジストリの証明書を信頼していません。Runner 自身の設定(tls-ca-file、certs ディレクトリ)の問題ではなく、コンテナランタイムがホストのトラストストアでイメージ取得を検証しています。

# $name: Go が試した CA の名前。$hint: Go が出した理由(そのまま)。
explain-go-wrong-key-meaning = クライアントは「{ $name }」という名前の CA を持っていますが、サーバー証明書はその鍵で署名されていません("{ $hint }")。
# $pasted: その名前の CA がレポートにあれば "some"($labels)、なければ "none"。
explain-go-wrong-key-cause = 同じ名前「{ $name }」を持つ別々の CA があります。クライアントの CA ファイルが古いか、別の環境のものです(作り直した Kubernetes クラスタ、再発行したプライベート CA など)。{ $pasted ->
        [some] ここに貼り付けられたその名前の CA は { $labels } です。
       *[none] {""}
    }
explain-go-wrong-key-fix = クライアントが持つこの CA を現行のものに置き換えてください(サーバーのチェーンのレポートにある ca-bundle.pem / <host>.crt)。kubectl の場合は、クラスタの現在の admin.conf を ~/.kube/config にコピーしてください。

# $wanted: クライアントが接続した名前。
explain-go-hostname-meaning = サーバーが送った証明書は、クライアントが接続した名前「{ $wanted }」に対して有効ではありません。
# $leaf: 貼り付けられたリーフ。$names: メッセージにある、サーバーが送った証明書の名前。
explain-go-hostname-other-certificate-cause = ここに貼り付けられた { $leaf } は「{ $wanted }」に有効なので、サーバーは別の証明書({ $names } に有効なもの)を送っています。既定のバーチャルホスト、SNI の設定、または手前のプロキシが原因です。
explain-go-hostname-other-certificate-fix = 「{ $wanted }」に応答するサーバー(またはプロキシ)に、この証明書とチェーンを設定してください。
# $who: リーフが貼り付けられていれば "leaf"($leaf: そのラベル)、なければ "server"。
explain-go-no-san-cause = { $who ->
        [leaf] { $leaf }
       *[server] サーバー証明書
    } には subjectAltName がまったくありません。
# $san: DNS または IP。
explain-go-reissue-fix = subjectAltName { $san }:{ $wanted } を入れて証明書を再発行してください。
explain-go-other-names-cause = { $who ->
        [leaf] { $leaf }
       *[server] サーバー証明書
    } は { $names } に有効で、「{ $wanted }」には有効ではありません。
explain-go-other-names-fix = 証明書にある名前({ $names })のいずれかで接続してください(例: Runner の config.toml の url / clone_url を変更)。または subjectAltName { $san }:{ $wanted } を入れて証明書を再発行してください。

# $current: クライアントの時刻。$bound: 証明書の有効期間の開始(どちらも Go の表記のまま)。
explain-go-not-yet-valid-meaning = クライアントの時計({ $current })では、チェーンの証明書がまだ有効になっていません。有効期間の開始は { $bound } です。
# $found: その時刻以降に始まる証明書がレポートにあれば "some"($labels)、なければ "none"。
explain-go-not-yet-valid-cause = クライアントの時計が遅れているか、証明書{ $found ->
        [some] {" "}({ $labels })
       *[none] {""}
    }の開始日時が未来に設定されて発行されています。
explain-go-not-yet-valid-fix = クライアントの時計とタイムゾーンを確認してください(`timedatectl`、NTP/chrony)。時計が正しければ、開始日時を過去にして証明書を再発行してください。

# $clock: メッセージにクライアントの時刻があれば "known"($current)、なければ "unknown"。
explain-go-expired-meaning = クライアントの時計{ $clock ->
        [known] ({ $current })
       *[unknown] {""}
    }では、チェーンの証明書の有効期限が切れています。
# $now: レポートの時刻。
explain-go-none-expired-cause = 貼り付けられた証明書は { $now } の時点でどれも期限切れではありません。サーバーが古い証明書を送り続けているか、クライアントの時計が間違っています。
explain-go-none-expired-fix = サーバーが実際に送る証明書を確認し(openssl s_client -showcerts)、新しい証明書を設定した後にサーバーをリロードしてください。クライアントの時計も確認してください。
# $labels: 期限切れの証明書。$end: 最初の証明書の notAfter。
explain-go-expired-cause = { $labels } の有効期限が切れています(notAfter { $end })。
explain-go-expired-fix = 期限切れの証明書を更新し、チェーンと一緒にサーバーに設定してください(中間証明書やルートが期限切れの場合は、CA から現行のものを入手し、チェーンファイルとクライアントの CA ファイルで差し替えてください)。

explain-go-common-name-meaning = Go 1.15 以降は Common Name を見ません。ホスト名は subjectAltName 拡張に入っている必要があります(RFC 6125 §6.4.4)。
explain-go-common-name-only-cause = { $leaf } には Common Name はありますが subjectAltName がありません。
explain-go-common-name-other-certificate-cause = ここに貼り付けられた { $leaf } には subjectAltName があるので、サーバーはそれのない別の証明書を送っています。
explain-go-common-name-server-cause = サーバー証明書はホスト名を Common Name にだけ持ち、subjectAltName がありません。
# $host: クライアントが接続するホスト(または <host>)。
explain-go-common-name-fix = subjectAltName DNS:{ $host } を入れて証明書を再発行し(例: `openssl req ... -addext "subjectAltName=DNS:{ $host }"`)、サーバーに設定してください。GODEBUG=x509ignoreCN=0 が効くのは Go 1.16 までです。

## OpenSSL の検証エラー(openssl.rs)。curl、git、Python、Node.js も同じ文言を使う。

explain-openssl-local-issuer-meaning = サーバーが送った最後の証明書の発行者が、サーバーが送ったものの中にもクライアントのトラストストアにも見つかりませんでした。
explain-openssl-self-signed-in-chain-meaning = チェーンがクライアントの信頼していない自己署名ルートで終わっています。プライベート CA か、TLS を傍受するプロキシの CA です。
explain-openssl-self-signed-meaning = サーバー証明書が自己署名です。自分自身が発行者で、クライアントはそれを信頼していません。
explain-openssl-self-signed-cause = { $leaf } は自己署名で、その背後に CA はありません。
explain-openssl-self-signed-fix = 推奨: CA(プライベート CA で構いません)からサーバー証明書を発行し、クライアントにはその CA を配布してください。当面は、この証明書自体をクライアントの CA ファイルとして信頼させることもできます(自分自身が CA です)。その場合、更新のたびにすべてのクライアントで差し替えが必要です。
explain-openssl-first-certificate-meaning = クライアントがサーバー証明書そのものを検証できませんでした。その発行者がサーバーから送られず、クライアントのトラストストアにもありません。多くの場合、サーバーが中間証明書を付けずに証明書を送っています。

## git と curl(git_curl.rs)。

# $text: curl が出した理由(そのまま)。$meaning: その OpenSSL の理由の意味。
explain-curl-refused-known = curl(git の内部も含む)がサーバー証明書を拒否しました: "{ $text }"。{ $meaning }
explain-curl-refused = curl(git の内部も含む)がサーバー証明書を拒否しました: "{ $text }"。
explain-gnutls-no-ca-file-meaning = git(GnuTLS を使う libcurl)に CA ファイルがまったくありません(CAfile: none)。このイメージまたはホストに ca-certificates パッケージがありません。
# $ca_file: GnuTLS が使った CA ファイル。
explain-gnutls-meaning = git(GnuTLS を使う libcurl)がサーバーのチェーンを { $ca_file } で検証しましたが、チェーンを発行した CA がそこにありませんでした。
# $fix: git の直し方。続けて、システムの CA ファイルに CA を加える方法。
explain-gnutls-fix = { $fix } または CA を /usr/local/share/ca-certificates/ にコピーして update-ca-certificates を実行し、{ $ca_file } に取り込んでください({ $ca_file } は再生成されるので直接編集しないでください)。

## GitLab Runner 自身のメッセージ(runner.rs)。

# $file: Runner が読めなかった CA ファイル。
explain-runner-no-pem-meaning = GitLab Runner が { $file } に PEM 形式の証明書を見つけられませんでした。このファイルは無視されてシステムのトラストストアだけで検証されるため、GitLab へのリクエストは "x509: certificate signed by unknown authority" で失敗します。
explain-runner-no-pem-cause = { $file } が PEM ではありません。多くは .crt という名前で保存された DER(バイナリ)形式の証明書か、別のもの(秘密鍵、PKCS#12/.pfx、HTML ページ、空のファイル)です。
# $ca: このレポートが Runner 用の CA ファイル($name)を作ったなら "report"、なければ "paste"
# ($host: ファイル名に使うホスト)。
explain-runner-no-pem-fix = DER 形式なら変換してください: `openssl x509 -inform DER -in { $file } -outform PEM -out { $file }.pem`。変換したファイルで置き換えます(-----BEGIN CERTIFICATE----- で始まる必要があります)。{ $ca ->
        [report] またはこのレポートの { $name }(PEM、CA 証明書のみ)を使ってください。
       *[paste] またはチェーンをここに貼り付け、certchain が作る { $host }.crt を使ってください。
    }

## Mirantis Kubernetes Engine(mke.rs)。

# $attrs: 拒否された属性(例: privileged)。
explain-mke-meaning = MKE のアドミッションコントローラー(UCPAuthorization)が [{ $attrs }] 付きの Pod の作成を拒否しました。MKE 管理者と cluster-admin に紐付いたアカウント以外は、MKE 管理者がその属性を許可しない限り作成できません。Kubernetes の RBAC や PodSecurityPolicy のエラーではありません。
# $account、$namespace: Runner の ServiceAccount。$pod: Pod 自身の ServiceAccount。
explain-mke-cause = Namespace「{ $namespace }」の ServiceAccount「{ $account }」(ジョブ Pod を作成する Runner。Pod 自身の ServiceAccount は { $pod })に { $attrs } 属性が許可されていません。Docker-in-Docker を使うジョブには特権 Pod が必要です。
explain-mke-fix = 最小権限: MKE 管理者で admin → Admin Settings → Orchestration を開き、「Service account privileges」に「{ $namespace }:{ $account }」を追加して「{ $attrs }」にチェックを入れてください(MKE 3.4.2 以降)。あわせて { $namespace }:{ $account } が使える PodSecurityPolicy と ClusterRole、ClusterRoleBinding を用意します。PSP だけでは UCPAuthorization を通りません。cluster-admin をこのアカウントに紐付けても動きますが、クラスタ全体の権限を与えるため避けてください。

## Python、Java、Node.js(runtimes.rs)。

explain-python-meaning = Python の ssl モジュールがサーバーの証明書チェーンを検証できませんでした。
explain-java-meaning = Java がサーバー証明書からトラストストア(cacerts)内の CA へのパスを見つけられませんでした。ディストリビューションが連携させていない限り、Java はシステムのトラストストアを使いません。

## スキャンについての注記(mod.rs)。レポートの注記は今のところ英語だけで表示される。

# $count: 既に挙げたメッセージを繰り返す行の数。
explain-note-repeated = エラーメッセージ: 繰り返された { $count } 行は、最初の行で 1 回だけ挙げています
# $max: 説明したメッセージの数。$count: それ以外に見つかった数。
explain-note-cut = エラーメッセージ: 最初の { $max } 件を説明しました。ほかの { $count } 件は挙げていません
