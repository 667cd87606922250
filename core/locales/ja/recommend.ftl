# recommend: ja
