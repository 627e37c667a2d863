-- Raw <br> in Markdown (SEC tables write list cells that way) becomes a line break, which pandoc's docx writer keeps.
function RawInline(el)
  if el.format == 'html' and el.text:match('^<br%s*/?>$') then return pandoc.LineBreak() end
end
