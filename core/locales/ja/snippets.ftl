# snippets: ja
# 設定スニペットのタイトルと注意書き、グループの見出し、パラメーターのラベル、パラメーターと
# ターゲットのエラー。
# スニペット 1 つが 1 メッセージです: 値がタイトル、属性が注意書きです。runner-config-toml や
# k8s-pod-security-admission などは他のスニペットの ID(`certchain snippets --target` で選ぶもの、
# 各スニペットに表示されます)なので、そのまま残してください。

-runner-certs-dir = /etc/gitlab-runner/certs
-runner-user-certs-dir = ~/.gitlab-runner/certs
-runner-auth-token = Runner 認証トークン(glrt-…)
-registration-tokens-deprecated = GitLab 15.6 から非推奨
-restart-services = 常駐しているサービスは再起動してください
-server-sends-intermediates = 中間証明書はサーバーが送る必要があります (フルチェーン)

## スニペットのグループの見出し

snippet-group-runner = GitLab Runner
snippet-group-jobs = CI/CD ジョブ(.gitlab-ci.yml)
snippet-group-cluster = Kubernetes と MKE
snippet-group-servers = サーバー
snippet-group-trust-stores = トラストストア
snippet-group-clients = クライアント

## パラメーター: フォームのラベル、--param KEY=VALUE のエラー

snippet-param-url = GitLab の URL
snippet-param-executor = Runner の executor
snippet-param-os = Runner ホストの OS
snippet-param-job-os = ジョブのイメージのディストリビューション
snippet-param-namespace = Kubernetes の namespace
snippet-param-secret = Secret 名
snippet-param-service-account = Runner の ServiceAccount
snippet-param-cluster = Kubernetes ディストリビューション
snippet-param-dind = ジョブで Docker-in-Docker を使う
snippet-param-runner-as-root = Runner を root で実行

# $key: パラメーター; $choices: 使える値(カンマ区切り); $value: 受け付けなかった値(引用符付き)。
snippet-param-error-choice = { $key } は { $choices } のいずれかです({ $value } は使えません)
# $value: 受け付けなかった値(引用符付き)。
snippet-param-error-url = url は https://gitlab.example.com:8443/ のような https:// の URL(ホスト・ポート・パス)です({ $value } は使えません)
# $key: パラメーター; $value: 受け付けなかった値(引用符付き)。
snippet-param-error-kubernetes-name = { $key } は Kubernetes の名前(英小文字・数字・'-'、63 文字以内)です({ $value } は使えません)
# $key: 不明なパラメーター(引用符付き); $known: パラメーターの一覧(カンマ区切り)。
snippet-param-error-unknown = 不明なパラメーター { $key }。使えるもの: { $known }

## 指定できないターゲット(--target)

# $target: 指定されたターゲット(引用符付き); $targets: すべてのターゲット(カンマ区切り)。
snippet-target-unknown = 不明なターゲット { $target }。ターゲットは { $targets } です
# $target: 指定されたターゲット(引用符付き)。
snippet-target-none-offered = ターゲット { $target } はありません。この入力にはスニペットがありません(クライアントやサーバーの設定が必要なチェーンも、対処するエラーメッセージもありません)
# $target: 指定されたターゲット(引用符付き); $offered: 提供されるターゲット(カンマ区切り)。
snippet-target-not-offered = ターゲット { $target } はこの入力にはありません(あるもの: { $offered })

## ホスト上の GitLab Runner

# $home: スニペットが前提とする gitlab-runner ユーザーのホームフォルダー。
snippet-note-runner-home = root 以外で実行: { $home } は gitlab-runner ユーザーのホームです。Runner を実行するユーザーのホームに置き換えてください。

# $file: ファイル名(<host>.crt); $url: GitLab の URL。
snippet-runner-certs-dir = GitLab Runner: certs フォルダーに CA ファイルを置く
    .named-after-host = ファイル名はポートを除いたホスト名です: { $file }({ $url } の場合も同じ)。
    .ca-only-pem = 中身は CA 証明書で、サーバー証明書ではありません。形式は PEM のみです(DER は読めません)。
    .windows = Windows では、サービスとして動く Runner は certs フォルダーも Windows の証明書ストアも読みません。tls-ca-file でこのファイルを指定します(runner-config-toml)。
    .elsewhere = root 以外で動かす場合は { -runner-user-certs-dir }/ を読みます。作業フォルダーの ./certs/ も使えます。
    .runner-only = これは Runner 自身の GitLab への接続(登録・ジョブ取得)のための設定です。コンテナ内のジョブにも必要な場合は Docker / Kubernetes のスニペットを使います。

snippet-runner-config-toml = GitLab Runner: config.toml の tls-ca-file
    .merge = この URL の既存の [[runners]] に追記します(token はそのまま)。Runner は config.toml を自動で再読み込みします。
    .https = http:// で登録済みの場合は、url も https:// のアドレスに変更します。

snippet-runner-register = GitLab Runner: --tls-ca-file 付きで登録
    .ca-first = 先に CA ファイルを配置します(runner-certs-dir)。登録が最初にそれを必要とする接続です。
    .token = RUNNER_TOKEN には GitLab の 設定 → CI/CD → Runner → 新しいプロジェクト Runner で作成した { -runner-auth-token }を設定します。登録トークン(--registration-token)は { -registration-tokens-deprecated }です。

snippet-runner-download-ca = openssl でサーバーから CA ファイルを取得
    .pin = GitLab のドキュメントにある 1 行コマンド(コメントとして残しています)はサーバー自身の証明書を保存します。Go(つまり Runner)はこれを固定(ピン留め)として受け入れますが、証明書の更新で動かなくなります。certchain が書き出す CA ファイルは更新後も使えます。
    .root = サーバーがルート証明書を送るとは限りません。certchain がルートが無いと言う場合は、ネットワークからではなく CA の管理者から入手してください。

snippet-runner-verify = CA ファイルをサーバーに対して確認
    .exit-codes = 0 (ok) 以外なら Runner も失敗します。20(unable to get local issuer certificate)はファイルに CA が足りないか、サーバーが中間証明書を送っていません。19 や 18 はファイルがサーバーの使う CA ではありません。
    .servername = -servername は必須です。無いと複数の名前を持つサーバーが別の証明書を返すことがあります。
    .partial-chain = -partial_chain を付けると OpenSSL は Runner (Go) と同じくファイル内の中間証明書を信頼の起点として受け入れます。付けないとルートを含まないファイルでは 2 (unable to get issuer certificate) になります。
    .partial-chain-macos = macOS の openssl (LibreSSL) には -partial_chain がありません。ルートを含まないファイルでは、Runner (Go) は受け入れるのに 2 (unable to get issuer certificate) と表示されます。

## GitLab Runner の Docker executor

# $file: Runner の CA ファイル(<host>.crt)。
# $home: スニペットが前提とする gitlab-runner ユーザーのホームフォルダー。
snippet-runner-docker-volumes = Docker executor: すべてのジョブコンテナに CA を渡す
    .helper-image = ヘルパーイメージ(git clone・アーティファクト・キャッシュ)はマウントされた ca.crt を自動でインストールします。ジョブのイメージはしないので、runner-docker-pre-build を追加するか、ジョブ内でインストールします。
    .one-file = マウントするのは Runner 自身の CA ファイルです。更新するファイルは 1 つだけです。
    .absolute-path = Docker には絶対パスが必要です。{ $home } は Runner を実行するユーザーのホームに置き換えてください。
    .windows-folder = Windows ではフォルダーをマウントします。{ $file } を C:\GitLab-Runner\certs\ca.crt にコピーします(ヘルパーイメージが探す名前です)。
    .windows-import = pre_build_script での証明書のインストールは Linux イメージのみです。Windows イメージではジョブ内で Import-Certificate を使います。

# $distro: ジョブのイメージのディストリビューション(Debian/Ubuntu、Alpine、RHEL/Fedora)。
snippet-runner-docker-pre-build = Docker executor: { $distro } のジョブイメージに CA をインストール
    .every-job = 各ジョブの前に実行されるので、ジョブ内のツール(curl・wget・2 回目の git clone・パッケージマネージャー)が CA を信頼します。runner-docker-volumes のボリュームが必要です。
    .per-image = コマンドはイメージによって異なります。パラメーターでジョブイメージのディストリビューションを選びます。CA を組み込んだ独自イメージを使えばより速くなります。

## GitLab Runner の Kubernetes executor と Helm チャート

snippet-runner-k8s-secret = Kubernetes: CA を Secret にする
    .renewal = create --dry-run を apply に渡すので、CA の更新時にも同じコマンドで Secret を更新できます。
    .namespace = Secret はジョブの Pod が動く namespace に作成します。

snippet-runner-k8s-volume = Kubernetes executor: CA の Secret をジョブの Pod にマウント
    .mount-path = mount_path はフォルダーです。Secret のキー ca.crt は Pod 内で { -runner-certs-dir }/ca.crt になります。
    .helm = Helm チャートではこのブロックを values.yaml の runners.config に書きます(runner-helm-values に含まれています)。

snippet-runner-k8s-job-script = Kubernetes executor: ジョブ内で CA をインストール
    .known-issue = 既知の問題: Kubernetes executor ではヘルパーイメージの ENTRYPOINT の扱いにより、マウントした ca.crt がシステムの証明書ストアに自動でインストールされません(Docker とは異なります)。そのためジョブ内でインストールします。
    .per-image = コマンドはジョブのイメージによって異なります。パラメーターでディストリビューションを選びます。

# $file: Secret に必要なキー(<host>.crt)。
snippet-runner-helm-values = Helm チャート: gitlab-runner の values.yaml
    .token = runnerToken は { -runner-auth-token }です。古いチャートや多くの手順書では runnerRegistrationToken を使いますが、登録トークンは { -registration-tokens-deprecated }です。
    .certs-secret = certsSecretName の Secret にはポートを除いたホスト名のキー({ $file })が必要です。チャートが Runner の certs フォルダーにマウントします。
    .privileged = privileged = true で docker:dind を使うジョブが動きます。特権 Pod を制限するクラスターでは許可が必要です。k8s-pod-security-admission、MKE では mke-* のスニペットを参照してください。

## CI/CD ジョブ

snippet-ci-curl-ca-file = ジョブ: Runner の CA ファイルで curl
    .variable = CI_SERVER_TLS_CA_FILE は Runner が各ジョブのために書き出すファイルで、GitLab 用に信頼している CA(tls-ca-file または certs フォルダー)が入っています。同じ CA で署名されたホストならどれにも使えます。
    .same-file = Runner は同じファイルで git clone とアーティファクトを動かします。安全ですが、Runner が唯一の信頼点になります。

snippet-ci-git-ssl-no-verify = ジョブ: git の証明書検証を無効化(GIT_SSL_NO_VERIFY)
    .insecure = 安全ではありません。Runner と GitLab の間にいる誰でも、ジョブがビルドするソースを読み書きできます。一時的な回避策に限り、Runner のスニペットで信頼を正しく設定してください。
    .git-only = 影響するのは git だけです。アーティファクト・キャッシュ・レジストリ・Runner 自身の接続は失敗したままです。

snippet-ci-dind = ジョブ: Docker-in-Docker でイメージをビルド
    .privileged = docker:dind は特権コンテナで動きます。Runner に privileged = true([runners.docker] または [runners.kubernetes])が必要です。
    .kubernetes = サービスはジョブと同じ Pod で動くため、デーモンは TLS なしで tcp://docker:2375 を待ち受けます。通信は Pod の外に出ません。
    .docker-tls = ジョブとデーモン間の TLS にはクライアント証明書の共有が必要です。[runners.docker] の volumes に "/certs/client" を追加します。
    .login = 古いパイプラインで使われる CI_BUILD_TOKEN と docker login -p は古い書き方です。CI_REGISTRY_PASSWORD と --password-stdin ならパスワードがプロセス一覧に出ません。

## 特権 Pod: MKE と Pod Security Admission

# $account: Runner の namespace:serviceaccount。
snippet-mke-service-account-privileges = MKE: Runner の ServiceAccount に privileged を許可
    .admission = MKE 独自の Admission Controller(UCPAuthorization)は、PodSecurityPolicy の許可に関係なく、管理者でないアカウントの特権 Pod を拒否します。{ $account } に「privileged」を許可すれば、それだけが通るようになります。
    .not-cluster-admin = このアカウントを cluster-admin に結びつけてはいけません(MKE はその場合の許可を扱いません)。mke-cluster-admin を試した場合は削除してください。
    .account = アカウントはエラーの non-admin user "namespace:serviceaccount" に出ているものです。パラメーターの namespace と ServiceAccount を合わせてください。

snippet-mke-psp = MKE(Kubernetes 1.24 以前): Runner 用の PodSecurityPolicy
    .not-alone = これだけでは MKE を通りません。ServiceAccount に「privileged」を許可する(mke-service-account-privileges)まで、MKE の Admission Controller が特権 Pod を拒否し続けます。両方を適用します。
    .cluster-role = よく見かける手順ではポリシーに、すべてのリソースにすべての操作を許可する ClusterRole を組み合わせますが、それは実質 cluster-admin です。こちらはポリシーの use だけを許可します。
    .removed = PodSecurityPolicy は Kubernetes 1.25 で削除されました。新しいクラスターでは k8s-pod-security-admission を使います。

snippet-mke-cluster-admin = MKE: Runner に cluster-admin を付与
    .dangerous = 危険です。すべてのジョブがクラスター内のあらゆる Secret を読み、何でも変更できるようになります。MKE が cluster-admin に特権 Pod を許可するので動きますが、mke-service-account-privileges を使ってください。
    .remove = 試しに適用した場合は、後で kubectl delete clusterrolebinding <名前> で削除してください。

snippet-k8s-pod-security-admission = Kubernetes 1.25 以降: Runner の namespace で特権 Pod を許可
    .replaced-psp = Pod Security Admission は PodSecurityPolicy(Kubernetes 1.25 で削除)の後継です。docker:dind には「privileged」が必要です。この namespace は Runner のジョブ専用にしてください。
    .mke = MKE では独自の Admission Controller も引き続き働きます。ServiceAccount への「privileged」の許可も必要です。

## サーバー

snippet-note-public-root = このチェーンはクライアントが既に信頼している公開ルートで終わります(GitLab Runner も同様)。Runner やクライアントに CA ファイルは不要です。サーバーがフルチェーンを送れば接続できます。
# $key: 秘密鍵のファイル名(<host>.key)。
snippet-note-server-key = { $key } はサーバーの秘密鍵 (certchain には渡しません) です。リーフ証明書の鍵を、root だけが読めるように置きます。

# $host: GitLab のホスト; $fullchain: certchain が書き出したフルチェーンのファイル。
snippet-gitlab-omnibus = GitLab (Linux パッケージ): フルチェーンを送る
    .full-chain = /etc/gitlab/ssl/{ $host }.crt にはリーフを先頭にしたフルチェーン ({ $fullchain }) を入れます。リーフだけだと、ルートを信頼している Runner や git でも「x509: certificate signed by unknown authority」で失敗します。
    .letsencrypt = letsencrypt['enable'] = false にすると、GitLab がこれらのファイルを Let's Encrypt の証明書で置き換えません。gitlab.rb に以前の external_url や nginx['ssl_*'] の行があれば、読みやすさのために削除してください。
    .reload = ファイルを差し替えるだけの更新なら `sudo gitlab-ctl hup nginx` で足ります。gitlab.rb を変えたときは `sudo gitlab-ctl reconfigure` が必要です。

# $host: GitLab のホスト; $ca: certchain が書き出した CA ファイル; $prefix: コマンドが書き出すファイル名の先頭。
snippet-gitlab-trusted-certs = GitLab: 自身の接続でプライベート CA を信頼する
    .outgoing = これは GitLab 自身が行う接続 (Webhook、インテグレーション、ミラー、レジストリや Pages から { $host } への接続) のための設定で、ブラウザーや Runner のためのものではありません。
    .one-file-each = certchain の { $ca } にはチェーンの CA 証明書が入っています。コマンドはそれを 1 枚ずつ別のファイル ({ $prefix }1.crt …) に書き出します。
    .docker = Docker 版 GitLab では、コンテナーの /etc/gitlab/trusted-certs/ (マウントした設定ボリューム) に同じように置き、reconfigure します。

# $fullchain: certchain が書き出したフルチェーンのファイル。
snippet-nginx = nginx: フルチェーンを送る
    .copy = { $fullchain } とサーバーの秘密鍵を /etc/nginx/ssl/ に置き、`nginx -t && nginx -s reload` を実行します。
    .location = このブロックはそのまま読み込めます。location {"{"} {"}"} (アプリケーションへの proxy_pass など) はこの中に追加します。

# $host: サーバーのホスト; $fullchain: certchain が書き出したフルチェーンのファイル。
snippet-apache = Apache httpd: フルチェーンを送る
    .save = { $fullchain } を /etc/ssl/certs/{ $host }.fullchain.pem として保存し、`apachectl configtest && apachectl graceful` を実行します。
    .before-2-4-8 = Apache 2.4.8 より前は SSLCertificateFile にリーフだけを置き、中間証明書は SSLCertificateChainFile に指定していました。2.4.8 以降は SSLCertificateFile から読みます。

snippet-haproxy = HAProxy: チェーンと鍵を 1 つの PEM に
    .order = リーフを先頭に、続いて中間証明書を順に並べます (フルチェーンのファイルはこの順です)。秘密鍵は慣例として最後に追加します。
    .mode = このファイルには秘密鍵が入るため、root 所有・パーミッション 600 のままにしてください。

# $host: サーバーのホスト; $fullchain: certchain が書き出したフルチェーンのファイル。
snippet-traefik = Traefik: フルチェーンを送る
    .save = { $fullchain } を /etc/traefik/certs/{ $host }.fullchain.pem として保存し (CA だけの <host>.crt ではありません)、このファイルをファイルプロバイダーのディレクトリ (静的設定の providers.file.directory) に置きます。Traefik は自動で読み込み直します。
    .sni = Traefik はクライアントが要求した名前 (SNI) で証明書を選びます。名前を送らないクライアントには tls.stores.default.defaultCertificate が使われます。

## トラストストア

# $ca: certchain が書き出した CA ファイル; $host: Runner 用 <host>.crt の名前になるホスト。
snippet-note-ca-file = { $ca } は certchain が出力した CA ファイルで、チェーンの CA 証明書 (中間証明書、続いてルート) が入っています (GitLab Runner 用の { $host }.crt も中身は同じです)。
# $ca: certchain が書き出した CA ファイル。
snippet-note-ca-file-without-root = { $ca } は certchain が出力した CA ファイルですが、チェーンの中間証明書しか入っていません (ルート CA が入力になかったため)。先にルート証明書を追加してください。ルートが必要なクライアント (OpenSSL のツール、3.13 より前の Python、macOS、Windows) は、このままでは失敗します。

snippet-trust-store = システムのトラストストア: プライベート CA を信頼する
    .debian = update-ca-certificates は名前が .crt で終わる PEM ファイルだけを読み、1 ファイル 1 証明書としてハッシュを作ります。そのため CA 証明書ごとにファイルを分けています。結果の /etc/ssl/certs/ca-certificates.crt はプログラムの起動時に読まれるため、{ -restart-services }。
    .rhel = update-ca-trust extract は anchors フォルダーから /etc/pki/tls/certs/ca-bundle.crt と Java 用のストアを作り直します。これらはプログラムの起動時に読まれるため、{ -restart-services }。
    .macos = キーチェーンにはルートだけを入れます (-r trustRoot は自己署名証明書にしか使えません)。{ -server-sends-intermediates }。Homebrew の curl や OpenSSL はキーチェーンを読まないため、CA ファイルを指定します (curl --cacert、SSL_CERT_FILE)。
    .windows = LocalMachine\Root にはルートだけを入れます。{ -server-sends-intermediates }。Git for Windows (schannel)、PowerShell、.NET はこのストアを読みますが、Windows の GitLab Runner は読みません (tls-ca-file を使います)。
    .nodes = プライベートレジストリから executor やジョブのイメージを pull するときに「x509: certificate signed by unknown authority」で失敗する Docker ホストや Kubernetes ノードには、まさにこの設定が必要です。ノードのシステムのトラストストアに CA を追加し、ランタイムを再起動します (`sudo systemctl restart docker` または `containerd`)。

snippet-trust-store-java = Java: プライベート CA を信頼する (cacerts)
    .one-alias-each = keytool は 1 つのエイリアスに 1 枚の証明書を登録し、ファイルの先頭の証明書しか読みません。CA ファイルをそのまま取り込むと先頭の中間証明書だけが入り、ルートが漏れます。そこで CA 証明書ごとに別のエイリアスで登録します。中間証明書も信頼しておけば、不足した中間証明書を取りに行かない Java でも、リーフだけを送るサーバーを受け入れられます。
    .jdk8 = JDK 8 では -cacerts の代わりに -keystore "$JAVA_HOME/jre/lib/security/cacerts" を指定します (JDK 9 以降は $JAVA_HOME/lib/security/cacerts)。changeit は既定のパスワードです。Java アプリケーションを再起動してください。
    .system-store = Debian/Ubuntu (ca-certificates-java) と RHEL では JDK の cacerts はシステムのストアから作られるため、そちらではトラストストアのスニペットだけで足ります。

## クライアント

# $url: 設定の対象になる GitLab の URL。
snippet-git-sslcainfo = git: このホストでプライベート CA を信頼する
    .url-match = この設定は URL が { $url } で始まるリモートにだけ効きます (スキーム・ホスト・ポートが一致する場合)。同じサーバーでも別の名前やポートで書いたリモートには効きません。
    .windows = Git for Windows は Windows のストア (schannel) を使い、`git config --global http.sslBackend openssl` を設定しない限り sslCAInfo を無視します。トラストストアのスニペットで CA を追加する方法もあります。

snippet-curl-cacert = curl: プライベート CA で検証する
    .cacert = --cacert はこのコマンドに限り curl の既定の CA を置き換えます。チェーンの検証に成功すると HTTP ステータスを表示し、失敗すると「SSL certificate problem」と表示します。

# $registry: イメージ名に書くとおりのレジストリ(ホスト、または ホスト:ポート)。
snippet-docker-certs-d = Docker と containerd: レジストリでプライベート CA を信頼する
    .folder = フォルダー名はイメージ名に書くとおりのレジストリ名です ({ $registry }: ホスト名、443 以外ならポートも付けます)。GitLab のコンテナーレジストリは別の名前 (registry.example.com) やポート (:5050) のことが多いので、`docker login` に使う名前に合わせてください。
    .ca-crt = Docker は pull のたびに certs.d を読むため、デーモンの再起動は不要です。ファイル名は ca.crt にします (.cert はクライアント証明書として扱われます)。
    .containerd = containerd が hosts.toml を読むのは、config.toml で config_path = "/etc/containerd/certs.d" (CRI プラグインの registry セクション) を設定したときだけです。この設定の追加には `sudo systemctl restart containerd` が必要ですが、その後のファイル追加には不要です。

snippet-ca-env-vars = 環境変数: プログラムに CA ファイルを指定する
    .replace = SSL_CERT_FILE・REQUESTS_CA_BUNDLE・CURL_CA_BUNDLE・GIT_SSL_CAINFO はプログラムの既定の CA を「置き換え」ます。ここで作るように、システムの CA にこの CA を加えたファイルを指定してください。NODE_EXTRA_CA_CERTS だけは Node の CA に「追加」します。
    .at-start = これらの変数はプログラムの起動時に読まれます。起動前 (またはサービスの環境設定) に設定し、システムの CA が更新されたらバンドルを作り直してください。多くの場合、システムのトラストストアに CA を追加する (trust-store) ほうが簡単です。
    .windows-runner = Windows の GitLab Runner はこれらの変数もシステムのストアも読みません(公式ドキュメント)。tls-ca-file で CA を指定します (runner-config-toml)。
