namespace Huawu.Robot.Scripts;

internal static partial class BuiltInGlobals
{
    private static readonly Dictionary<GlobalIntentKind, BuiltInGlobal> En = new()
    {
        [GlobalIntentKind.Robot] = new(
            ["robot", "a machine", "a real person", "a human", "a bot", "automated", "a recording", "an ai"], [],
            ["are you a robot", "am i talking to a machine", "is this a real person", "are you human"],
            "Yes, I'm an AI voice assistant. I can put you through to a person if you like.", Continuation.Reprompt, 3,
            Continuation.HangUp("robot_rejected")),
        [GlobalIntentKind.Repeat] = new(
            ["say that again", "repeat that", "come again", "pardon", "didn't catch", "didnt catch", "what did you say", "sorry what"], [],
            ["could you repeat that", "i didn't hear you", "can you say it again"],
            null, Listen, 3, Continuation.HangUp("poor_connection")),
        [GlobalIntentKind.Busy] = new(
            ["busy", "in a meeting", "driving", "call me later", "call back later", "bad time", "not a good time", "no time"], [],
            ["i'm busy right now", "can you call me back later", "this is not a good time"],
            "No problem, we'll call you another time. Goodbye.", Continuation.HangUp("busy"), 1, Continuation.HangUp("busy")),
        [GlobalIntentKind.NotInterested] = new(
            ["not interested", "no thanks", "no thank you", "don't need", "dont need", "don't want", "dont want"], [],
            ["i'm not interested", "i don't need it", "no thanks i'm fine"],
            "I understand. Thank you for your time, goodbye.", Continuation.HangUp("not_interested"), 1,
            Continuation.HangUp("not_interested"), IntentCount.Refusal),
        [GlobalIntentKind.DoNotCall] = new(
            ["don't call me", "dont call me", "stop calling", "do not call", "take me off", "remove my number", "never call"],
            [@"(don'?t|do not|never) (ever )?call (me|this number)( again)?"],
            ["please don't call me again", "take me off your list", "stop calling this number"],
            "Understood. You won't be called again. Goodbye.", Continuation.HangUp("do_not_call"), 1, Continuation.HangUp("do_not_call"),
            IntentCount.Refusal),
        [GlobalIntentKind.Complaint] = new(
            ["complaint", "complain", "harassment", "harassing", "report you", "scam"], [],
            ["i want to make a complaint", "this is harassment"],
            "I'm sorry for the trouble. Your feedback has been recorded. Goodbye.", Continuation.HangUp("complaint"), 1,
            Continuation.HangUp("complaint"), IntentCount.Refusal),
        [GlobalIntentKind.WrongNumber] = new(
            ["wrong number", "wrong person", "no one by that name", "nobody by that name", "doesn't live here", "not me"], [],
            ["you have the wrong number", "there is nobody here by that name"],
            "Sorry to have bothered you. Goodbye.", Continuation.HangUp("wrong_number"), 1, Continuation.HangUp("wrong_number")),
        [GlobalIntentKind.WhoIsThis] = new(
            ["who is this", "who's this", "who are you", "who is calling", "what company", "where are you calling from"], [],
            ["who am i speaking with", "who is this please", "what company are you with"],
            "I'm an AI assistant calling on behalf of our company.", Continuation.Reprompt, 2, Continuation.Reprompt),
        [GlobalIntentKind.Silence] = new([], [], [],
            "Hello, are you still there?", Continuation.Reprompt, 2, Continuation.HangUp("no_response")),
        [GlobalIntentKind.NoMatch] = new([], [], [],
            "Sorry, I didn't quite get that.", Continuation.Reprompt, 3, Continuation.HangUp("no_match")),
    };
}
