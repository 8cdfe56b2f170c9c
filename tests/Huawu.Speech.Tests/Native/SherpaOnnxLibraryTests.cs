using Huawu.Speech.Native;

namespace Huawu.Speech.Tests.Native;

public class SherpaOnnxLibraryTests
{
    [Fact]
    public void The_native_library_from_the_npm_package_loads_and_reports_its_version()
    {
        Assert.Null(SherpaOnnxLibrary.LoadError);
        Assert.Equal("1.13.8", SherpaOnnxLibrary.Version);
    }
}
