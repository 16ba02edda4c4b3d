package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/scaffold"
)

func newNewCmd() *cobra.Command {
	var from, municipality string
	cmd := &cobra.Command{
		Use:   "new DIR --from FILE",
		Short: "Start a content folder from a published ordinance",
		Long: `New writes a content folder DIR from the ordinance FILE (the published text
or a CVDR XML file): the ordinance unchanged, metadata.yaml filled from what
the text says, a draft parameters.yaml with every amount, percentage and
duration of the articles, and gidsen/README.md listing the articles that
look like voorzieningen. The folder builds at once:

  regelgids new mijn-gemeente --from verordening.txt
  regelgids build --content mijn-gemeente

New never overwrites: DIR must not exist.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" {
				return fmt.Errorf("--from FILE is required: the published ordinance (text or CVDR XML)")
			}
			raw, err := project.ReadOrdinance(from)
			if err != nil {
				return err
			}
			f, err := scaffold.New(filepath.Base(from), raw, scaffold.Options{Municipality: municipality})
			if err != nil {
				return err
			}
			printWarnings(cmd.ErrOrStderr(), f.Warnings)
			dir := args[0]
			if err := f.Write(dir); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "wrote %s: %s\n", dir, f.Ordinance.Title)
			for _, n := range f.Names() {
				fmt.Fprintf(out, "  %s\n", filepath.Join(dir, filepath.FromSlash(n)))
			}
			skipped := 0
			for _, p := range f.Params {
				if p.Skip != "" {
					skipped++
				}
			}
			fmt.Fprintf(out, "%d parameters to review (%d more as comments), %d articles to write a guide for\n",
				len(f.Params)-skipped, skipped, len(f.Guides))
			fmt.Fprintf(out, "next: review %s and %s, then: regelgids build --content %s\n",
				filepath.Join(dir, project.MetadataFile), filepath.Join(dir, project.ParametersFile), dir)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the published ordinance: a text file or CVDR XML (required)")
	cmd.Flags().StringVar(&municipality, "municipality", "", "name of the municipality, when the text does not say it")
	return cmd
}
