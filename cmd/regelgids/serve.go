package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/site"
)

func newServeCmd(src *sources) *cobra.Command {
	var addr, out string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build the site and serve it, rebuilding when content changes",
		Long: `Serve builds the site and serves it over HTTP. With --content or --templates
pointing at folders on disk, it rebuilds when a file there changes. It
listens on loopback unless --addr says otherwise, and answers as a
production server does: brotli or gzip as the browser asks, ETags and 304s,
a year's caching for content-hashed files. The first serve on a machine
compiles the calculators for the browser (a minute or two, once) while it
already serves the pages, and says so.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			first, err := src.options(out)
			if err != nil {
				return err
			}
			opts := func() site.Options {
				o, _ := src.options(out) // --date was checked above
				return o
			}
			return site.Serve(ctx, site.ServeOptions{
				Options: first,
				Addr:    addr,
				Watch:   src.onDisk(),
				Rebuild: opts,
				Log:     cmd.OutOrStdout(),
			})
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&out, "out", "", "also write each good build to this folder (default: keep the site in memory only)")
	return cmd
}
