using System.Management.Automation;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>The account behind the connection's key: e-mail, registration, balance and quota left (GET /trackings/getuserinfo).</summary>
    [Cmdlet(VerbsCommon.Get, "TrackingAccount")]
    [OutputType(typeof(TrackingAccount))]
    public sealed class GetTrackingAccountCommand : TrackingMoreCmdlet
    {
        protected override void EndOfInput() => WriteObject(RunOrThrow(call => Client.GetAccountAsync(call)));
    }
}
