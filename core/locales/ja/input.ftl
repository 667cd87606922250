# input: ja
