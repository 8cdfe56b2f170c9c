using System.Runtime.InteropServices;
using Huawu.Speech.Asr.Pocketsphinx;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

public class PocketsphinxLogTests
{
    [Fact]
    public void Sphinx_log_formats_are_expanded_from_their_arguments()
    {
        var message = Marshal.StringToCoTaskMemUTF8("bad word");
        var file = Marshal.StringToCoTaskMemUTF8("fsg_search.c");
        var level = Marshal.StringToCoTaskMemUTF8("ERROR");
        try
        {
            Assert.Equal("ERROR: \"fsg_search.c\", line 42: bad word",
                PocketsphinxLog.Format("%s: \"%s\", line %ld: %s\n", [level, file, 42, message, 0]));
            Assert.Equal("100% bad word", PocketsphinxLog.Format("100%% %s", [message]));
        }
        finally
        {
            foreach (var p in new[] { message, file, level }) Marshal.FreeCoTaskMem(p);
        }
    }
}
