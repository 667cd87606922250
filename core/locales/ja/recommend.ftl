# recommend: ja
# certchain が返すファイル(それぞれの用途)、チェーンの判定(概要、クライアントが信頼すべきもの)、
# 信頼ファイル(--trust)についての注記。

-runner-certs-dir = /etc/gitlab-runner/certs
-runner-user-certs-dir = ~/.gitlab-runner/certs

## ファイル

# そのまま返すトラストストア。$total: ルートの数。
recommend-store-bundle = トラストストアそのもの: { $total } 枚のルート(期限切れや重複はありません)。クライアントの CA ファイルとして渡します。
# 一部の証明書を除いたトラストストア。$dropped: 除いた数; $kept: 残ったルートの数。
recommend-store-bundle-cleaned = 期限切れまたは重複の証明書 { $dropped } 枚を除いたトラストストア: { $kept } 枚のルートを入力の順に並べたもの。元のファイルの代わりにクライアントの CA ファイルとして渡します。

recommend-fullchain = サーバー用チェーン: リーフ、続いて各中間証明書(ルートなし)。nginx の ssl_certificate、Apache の SSLCertificateFile(2.4.8 以降)、GitLab の /etc/gitlab/ssl/<host>.crt に使います。
recommend-fullchain-incomplete = サーバー用チェーン: リーフと見つかった中間証明書を正しい順に並べたもの。不足している発行者が中間証明書なら、最後の証明書の後に追加してください。

# CA ファイルのルートについての一文。recommend-ca-bundle と recommend-runner-crt の末尾に付きます。
# $root: "public"(ファイルにない公的ルート $public_root で終わる)、"trusted"(ルートは --trust で
# 指定された CA)、"missing"(ルートなし)、"present"(何も言わない)。
recommend-ca-root = { $root ->
        [public] {" "}チェーンは公的ルート { $public_root } で終わり、クライアントは既に信頼しています。このファイルはそれを持たないクライアントにだけ必要です。
        [trusted] {" "}ルートは指定された信頼する CA(--trust、または Web アプリの「信頼するプライベート CA」)から取りました。
        [missing] {" "}ルート CA が入力にありません。Go(GitLab Runner)や OpenSSL 版の curl 7.68 以降は中間証明書だけでも信頼の起点にできますが、OpenSSL 自身のツール(openssl verify、-partial_chain なしの s_client)や Python 3.13 より前の ssl モジュールにはルートも必要です。追加してください。
       *[present] {""}
    }

# $root, $public_root: recommend-ca-root を参照。
recommend-ca-bundle = CA バンドル: チェーンの CA 証明書(中間証明書、続いてルート)。この CA を信頼する必要があるクライアントが使います(curl --cacert、git http.sslCAInfo、システムのトラストストア)。{ recommend-ca-root }

# $host: ファイル名になるホスト(無い場合は "ca"); $root, $public_root: recommend-ca-root を参照;
# $name: リーフの名前 $leaf_name(引用符付き)がホスト名でない場合は "refused"、それ以外は "host"。
recommend-runner-crt = GitLab Runner 用 CA ファイル: { -runner-certs-dir }/{ $host }.crt(root で実行)または { -runner-user-certs-dir }/{ $host }.crt に保存するか、--tls-ca-file で指定します。CA 証明書のみ・PEM 形式です。{ recommend-ca-root }{ $name ->
        [refused] {" "}リーフの名前 { $leaf_name } はホスト名ではないため、ファイル名には使いません。ca.crt を Runner の接続先ホストに合わせて <host>.crt に名前を変えるか、ホストを指定してください(--host)。
       *[host] {""}
    }

## クライアントが信頼すべきもの

recommend-trust-store = トラストストアにはサーバーのチェーンはありません。クライアントが信頼するルートの集まりです。クライアントの CA ファイル(ca-bundle.pem)として渡すか、サーバーのチェーンを貼り付けてこれらのルートで確認してください。
recommend-trust-nothing = 信頼するチェーンがありません。
# $anchor: チェーンの終わりのルートまたはトラストアンカーの名前。
recommend-trust-public-root = このチェーンは公的ルート({ $anchor })で終わります。クライアントは既に信頼しています。失敗する場合に直すのはクライアントではなくサーバーのチェーンです。
# $anchor: チェーンの終わりの、利用者が指定したトラストアンカーの名前。
recommend-trust-user-anchor = このチェーンは指定されたトラストアンカー({ $anchor })で終わります。クライアントにはその CA ファイルが必要です。
# $anchor: チェーンの終わりのプライベートなルートの名前。
recommend-trust-private-root = プライベート CA: このチェーンは { $anchor } で終わり、クライアントは既定では信頼しません。クライアントにこの CA ファイル(ca-bundle.pem / <host>.crt)が必要です。
# $anchor: 見つからない発行者の名前。
recommend-trust-missing-issuer = チェーンは、発行者「{ $anchor }」がここになく既知のトラストアンカーでもない証明書で止まっています。中間証明書の不足か、クライアントが CA ファイルとして必要とするプライベートなルート CA です。

## 概要

# $messages: 認識したエラーメッセージの数。
recommend-summary-messages-only = 証明書は見つかりませんでしたが、エラーメッセージを { $messages } 件認識し、下に説明しています。どの証明書が原因かを知るには、サーバーのチェーンも貼り付けてください。
recommend-summary-empty = 証明書が見つかりません。
# $chain: リーフから上への証明書の名前(" → " で連結)。
recommend-summary-valid = チェーンは有効です: { $chain }。
# $count: エラーの数; $first: 最初のエラーのメッセージ(空のこともあります)。
recommend-summary-problems = 修正が必要な問題が { $count } 件あります。{ $first }
# $certificates: 証明書の数; $roots: そのうちのルートの数; $expired: 期限切れの数;
# $expired_kind: 無ければ "none"、1 枚なら "one"、それ以外は "other"。
recommend-summary-store = { $certificates } 枚の証明書からなるトラストストア(CA バンドル)です(うちルート { $roots } 枚)。{ $expired_kind ->
        [none] {""}
       *[other] { $expired } 枚は期限切れです。下の ca-bundle.pem からは除いてあります。
    }
