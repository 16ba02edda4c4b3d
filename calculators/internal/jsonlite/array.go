package jsonlite

import "errors"

// Elements parses data as one JSON array and returns its raw, valid
// elements in order. Anything but whitespace after the array is an error.
func Elements(data []byte) ([][]byte, error) {
	s := scanner{data: data}
	s.space()
	if s.peek() != '[' {
		return nil, errors.New("not a JSON array")
	}
	var out [][]byte
	s.i++
	s.space()
	if s.peek() == ']' {
		s.i++
	} else {
		for {
			s.space()
			start := s.i
			if !s.value(1) {
				return nil, ErrSyntax
			}
			out = append(out, data[start:s.i])
			s.space()
			if s.peek() == ',' {
				s.i++
				continue
			}
			if s.peek() != ']' {
				return nil, ErrSyntax
			}
			s.i++
			break
		}
	}
	s.space()
	if s.i != len(data) {
		return nil, errors.New("text after the JSON array")
	}
	return out, nil
}

// Strings parses data as a JSON array of strings.
func Strings(data []byte) ([]string, error) {
	els, err := Elements(data)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(els))
	for i, e := range els {
		s, ok := String(e)
		if !ok {
			return nil, errors.New("not an array of strings")
		}
		out[i] = s
	}
	return out, nil
}
