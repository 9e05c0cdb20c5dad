namespace TapiGen.Generator.Diagnostics
{
    /// <summary>How serious a diagnostic is (Roslyn's DiagnosticSeverity, without Roslyn).</summary>
    internal enum Severity
    {
        Hidden,
        Info,
        Warning,
        Error,
    }

    /// <summary>
    /// One diagnostic TapiGen can report: what the core knows of it. The generator makes the Roslyn
    /// DiagnosticDescriptor from it (RoslynDiagnostics), so parsing and planning need no Roslyn type.
    /// </summary>
    /// <param name="MessageFormat">A composite format string: {0}, {1}... are the message arguments.</param>
    internal sealed record DiagnosticKind(string Id, Severity Severity, string Title, string MessageFormat, string Category, string HelpLinkUri);
}
