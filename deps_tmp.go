package main
import (
_ "github.com/spf13/cobra"
_ "github.com/yuin/goldmark"
_ "github.com/shopspring/decimal"
_ "go.yaml.in/yaml/v3"
_ "golang.org/x/net/html"
)
