# cli: ja
