namespace CchcAnalytics.Ingest.Office;

/// <summary>One line of text above a table (a title row's cell, a cover-letter paragraph) and the line number
/// problems give for it: the spreadsheet row, or the paragraph's number in the Word document.</summary>
internal sealed record LetterLine(string Text, int Line);
