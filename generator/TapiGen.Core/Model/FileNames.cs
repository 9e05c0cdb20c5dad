using System;

namespace TapiGen.Generator.Model
{
    /// <summary>File names in messages.</summary>
    internal static class FileNames
    {
        /// <summary>The file name of a path with either separator; never throws, unlike Path.GetFileName on .NET Framework.</summary>
        public static string Of(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash >= 0 ? path.Substring(slash + 1) : path;
        }
    }
}
