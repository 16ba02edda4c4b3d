package main

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/regelgids/regelgids/site/project"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/templates"
)

// sources are the content and templates folders every command reads.
type sources struct {
	contentDir   string
	templatesDir string
	date         string // YYYY-MM-DD; "" is today
}

// day parses --date; the zero Date means today.
func (s *sources) day() (params.Date, error) {
	if s.date == "" {
		return params.Date{}, nil
	}
	d, err := params.ParseDate(s.date)
	if err != nil {
		return d, fmt.Errorf("--date %q: %w", s.date, err)
	}
	return d, nil
}

// dayOrToday is --date, or else today; from says which ("--date" or
// "today"), for a command that tells the user what it assumed.
func (s *sources) dayOrToday() (day params.Date, from string, err error) {
	day, err = s.day()
	if err != nil {
		return day, "", err
	}
	if day == (params.Date{}) {
		return site.Today(), "today", nil
	}
	return day, "--date", nil
}

func (s *sources) options(out string) (site.Options, error) {
	d, err := s.day()
	return site.Options{Content: s.content(), Templates: s.templates(), Out: out, Date: d}, err
}

func (s *sources) register(cmd *cobra.Command) {
	cmd.PersistentFlags().StringVar(&s.contentDir, "content", "", "municipality content folder (default: the embedded example content)")
	cmd.PersistentFlags().StringVar(&s.templatesDir, "templates", "", "templates folder (default: the embedded templates)")
	cmd.PersistentFlags().StringVar(&s.date, "date", "", "publish the amounts in force on this date, YYYY-MM-DD (default: today)")
}

func (s *sources) content() fs.FS {
	if s.contentDir == "" {
		return content.Default()
	}
	return project.ContentDir(s.contentDir)
}

func (s *sources) templates() fs.FS {
	if s.templatesDir == "" {
		return templates.Default()
	}
	return project.ContentDir(s.templatesDir)
}

// onDisk lists the folders that came from disk and can change while serving.
func (s *sources) onDisk() []string {
	var dirs []string
	for _, d := range []string{s.contentDir, s.templatesDir} {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

func newRootCmd() *cobra.Command {
	src := &sources{}
	root := &cobra.Command{
		Use:           "regelgids",
		Short:         "Turn a municipal ordinance into an accessible, searchable website",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	src.register(root)
	root.AddCommand(newParseCmd(src), newBuildCmd(src), newServeCmd(src), newCalcCmd(src), newMatchCmd(src), newAmountsCmd(src), newCheckCmd(src), newSearchCmd(src), newNewCmd())
	return root
}

func printWarnings(w io.Writer, warns []ordinance.Diagnostic) {
	for _, d := range warns {
		fmt.Fprintln(w, d)
	}
}

func loadProject(src *sources, stderr io.Writer) (*project.Project, error) {
	p, err := project.Load(src.content(), site.Today())
	if err != nil {
		return nil, err
	}
	printWarnings(stderr, p.Warnings)
	return p, nil
}
