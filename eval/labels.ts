// What a person reading each talon signature fixture would capture. Talon labels only where a
// signature starts; these field labels are ours, written from its *_signature files.
export interface SignatureLabel {
  body: string;
  sender?: string;
  want: { name?: string; email?: string; phone?: string; title?: string; company?: string };
}

export const TALON_LABELS: SignatureLabel[] = [
  { body: 'stripped/camel_case_body', want: {} },
  { body: 'stripped/jeff_body', sender: 'stripped/jeff_sender', want: { name: 'Stavros Xxxxxx' } },
  { body: 'stripped/johndoeexamplecom_body', want: { name: 'John E. Doe', title: 'President', company: 'Xxx Research', email: 'john@example.com' } },
  { body: 'stripped/long_body', sender: 'stripped/long_sender', want: { name: 'Gina Xxxxxxxxx', email: 'gina@example.com', phone: '(555) 346-9947' } },
  { body: 'stripped/short_url_body', sender: 'stripped/short_url_sender', want: { name: 'Noam' } },
  { body: 'stripped/sparse_body', sender: 'stripped/sparse_sender', want: { name: 'John Doe', phone: '555-931-0702' } },
  { body: 'P/102682_R_S', want: { name: 'John Doe', email: 'doe@example.com' } },
  { body: 'P/johndoeexamplecom_body', want: { name: 'John E. Doe', title: 'President', company: 'Xxx Research', email: 'john@example.com' } },
  { body: 'P/unicode_msg', want: { name: 'Сергей Обухов' } },
];
