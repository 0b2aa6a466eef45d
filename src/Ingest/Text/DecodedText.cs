namespace CchcAnalytics.Ingest.Text;

/// <summary>Text decoded from a file, in NFC, with the encoding that was detected.</summary>
public sealed record DecodedText(string Text, string EncodingName, bool Legacy);
