// Package e2e holds the end-to-end tests that drive the built site in
// headless Chromium: accessibility (axe-core, WCAG 2.0/2.1 A and AA),
// console errors, the language switch, the calculators against the rule
// package, keyboard search, the site without JavaScript, and screenshots
// for a person to look at. It has no code of its own.
package e2e
