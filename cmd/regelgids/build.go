package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/site"
)

func newBuildCmd(src *sources) *cobra.Command {
	var out, cpuProfile string
	var precompress bool
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the static site",
		Long: `Build writes the whole site to the output folder. It builds into a new
folder and replaces the old one only when the build succeeded.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := src.options(out)
			if err != nil {
				return err
			}
			// The first build on a machine compiles the calculators for
			// the browser: say so rather than stay silent for minutes.
			opts.Progress = cmd.ErrOrStderr()
			opts.NoCompressedCopies = !precompress
			if cpuProfile != "" {
				stop, err := startCPUProfile(cpuProfile)
				if err != nil {
					return err
				}
				defer stop()
			}
			res, err := site.Build(opts)
			if err != nil {
				return err
			}
			printWarnings(cmd.ErrOrStderr(), res.Project.Warnings)
			fmt.Fprintf(cmd.OutOrStdout(), "built %d pages (%d files, %d KB) in %v → %s\n",
				res.Pages, res.Files, res.Bytes/1024, res.Duration.Round(time.Millisecond), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "public", "output folder")
	cmd.Flags().BoolVar(&precompress, "precompress", true, "write NAME.br and NAME.gz beside every text file (false: for a host that compresses on its own)")
	// For measuring a build in its own process, as go run ./internal/benchhugo does.
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof)")
	cmd.Flags().MarkHidden("cpuprofile")
	return cmd
}

// startCPUProfile profiles the process into name until stop is called.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
