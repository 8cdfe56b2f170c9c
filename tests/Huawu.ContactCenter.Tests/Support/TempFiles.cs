namespace Huawu.ContactCenter.Tests.Support;

/// <summary>A private temporary folder for a test's files, removed at the end.</summary>
internal sealed class TempFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("huawu-cc-").FullName;

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    public string Write(string name, string text, System.Text.Encoding? encoding = null)
    {
        var path = Path(name);
        File.WriteAllText(path, text, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
