using Huawu.Robot.Samples;
using Huawu.Server.Cli;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;
using static Huawu.Interop.Tests.Calls.ServeCommandTests;

namespace Huawu.Interop.Tests.Robot;

/// <summary>
/// <c>huawu call</c> end to end: a real node process dials a SIPp callee through a trunk on 127.0.0.1, runs the English
/// appointment reminder on the answered call with the embedded engines (espeak-ng, pocketsphinx, DTMF), and the callee's
/// key (RFC 4733) takes the script to its confirmed ending; the outcome and grade reach the call record.
/// </summary>
public sealed class RobotCallSippTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_key_pressed_after_the_question_confirms_the_appointment_and_the_robot_says_goodbye_and_hangs_up()
    {
        var ports = PortBlock.Allocate(40);
        await using var callee = await Sipp.StartAsync(new SippOptions
        {
            Scenario = SippScenario.FromFile(Path.Combine(AppContext.BaseDirectory, "Robot", "Scenarios", "uas_robot_keys.xml")),
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            GlobalTimeout = Patience,
        });
        using var files = PeerDirectory.Create("robot-call");
        var sipPort = ports.Take();
        var rtpFirst = ports.Take(20);
        var config = files.File("huawu.yaml");
        await File.WriteAllTextAsync(config, $$"""
            sip:
              listen:
                - { transport: udp, address: 127.0.0.1, port: {{Invariant(sipPort)}} }
            rtp:
              ports: {{Invariant(rtpFirst)}}-{{Invariant(rtpFirst + 19)}}
            trunks:
              - { name: carrier, host: 127.0.0.1, port: {{Invariant(callee.Options.LocalPort)}}, options_interval_seconds: 0 }
            dialer:
              enabled: false
            """);
        var script = files.File("reminder.yaml");
        await File.WriteAllTextAsync(script, SampleScripts.Read("appointment-reminder.en.yaml"));
        var data = files.Folder("data");

        await using var call = PeerProcess.Start("dotnet",
        [
            ServerAssembly(), "call", "+8613800000001", "--script", script, "--var", "customer_name=Alex",
            "--var", "appointment_time=Thursday at 3 pm", "--config", config, "--data", data,
        ]);
        var exit = await call.WaitForExitAsync(Patience);

        Assert.True(exit == 0, call.Describe() + "\n" + callee);
        Assert.Contains("answered", call.Output, StringComparison.Ordinal);
        Assert.Contains("Will you be able to make it?", call.Output, StringComparison.Ordinal);
        Assert.Contains("we look forward to seeing you", call.Output, StringComparison.Ordinal);
        Assert.Contains("outcome confirmed", call.Output, StringComparison.Ordinal);
        var setup = DataSetup.Load(new FileInfo(config), new DirectoryInfo(data), out var errors);
        Assert.True(setup is not null, string.Join("; ", errors));
        await setup.WithStoreAsync(async store =>
        {
            var record = Assert.Single(await store.Calls.FindByCustomerPhoneAsync("+8613800000001", CancellationToken.None));
            Assert.Equal("confirmed", record.DispositionCode);
            Assert.NotNull(record.IntentGrade);
            return 0;
        }, CancellationToken.None);
    }
}
