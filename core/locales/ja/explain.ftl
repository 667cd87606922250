# explain: ja
