namespace TapiGen.Generator.Model
{
    /// <summary>
    /// An overrides file: corrections to one manifest kept beside it (<c>&lt;manifest&gt;.tapigen</c>), so the vendor
    /// file stays untouched. Equal when path, target and text are.
    /// </summary>
    /// <param name="Path">The overrides file's path.</param>
    /// <param name="ManifestPath">The manifest it applies to (the TapiGenOverridesFor metadata).</param>
    /// <param name="Text">Its text, or null when it could not be read or is over the size limit.</param>
    /// <param name="TextLength">Its length in characters.</param>
    internal sealed record OverridesFile(string Path, string ManifestPath, string? Text, int TextLength);
}
