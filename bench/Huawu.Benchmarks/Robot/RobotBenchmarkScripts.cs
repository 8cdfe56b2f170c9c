using System.Text;

namespace Huawu.Benchmarks.Robot;

/// <summary>A script with a knowledge base of about 500 entries (three phrasings each), generated from a loan-product vocabulary.</summary>
internal static class RobotBenchmarkScripts
{
    private static readonly string[] Products = ["信用贷", "车贷", "房贷", "经营贷", "消费贷", "装修贷", "教育贷", "医疗贷", "旅游贷", "数码分期",
        "家电分期", "信用卡", "备用金", "工资贷", "税贷", "发票贷", "保单贷", "公积金贷", "社保贷", "农户贷", "学历贷", "租房贷", "婚庆贷", "创业贷", "助学贷"];

    private static readonly (string Question, string Similar1, string Similar2, string Answer)[] Topics =
    [
        ("{0}的利率是多少", "{0}利息怎么算", "{0}年化多少", "{0}年化利率3.6%起。"),
        ("{0}最多能借多少", "{0}额度有多高", "{0}最高额度", "{0}最高可借20万。"),
        ("{0}可以分几期", "{0}还款期限多长", "{0}能分期吗", "{0}可分3到36期。"),
        ("{0}需要什么材料", "申请{0}要准备什么", "{0}要带什么证件", "{0}只需身份证和银行卡。"),
        ("{0}多久能到账", "{0}放款要多久", "{0}什么时候到账", "{0}最快5分钟到账。"),
        ("{0}会不会影响征信", "{0}上征信吗", "{0}查征信吗", "{0}按时还款不影响征信。"),
        ("{0}可以提前还款吗", "{0}提前还有违约金吗", "{0}能提前结清吗", "{0}可随时提前还款，不收违约金。"),
        ("{0}逾期怎么办", "{0}晚还几天会怎样", "{0}逾期罚息多少", "{0}逾期按日收取罚息。"),
        ("{0}怎么申请", "{0}在哪里办理", "{0}申请流程", "{0}可在APP内申请。"),
        ("{0}有手续费吗", "{0}收不收服务费", "{0}额外费用", "{0}没有手续费。"),
        ("{0}审批要多久", "{0}多久出结果", "{0}审核时间", "{0}审批约10分钟。"),
        ("{0}可以用来做什么", "{0}用途有限制吗", "{0}能买房吗", "{0}不可用于购房和投资。"),
        ("{0}怎么还款", "{0}还款方式", "{0}自动扣款吗", "{0}到期自动从银行卡扣款。"),
        ("{0}额度能提高吗", "{0}怎么提额", "{0}提升额度", "{0}按时还款半年后可申请提额。"),
        ("{0}安全吗", "{0}靠谱吗", "{0}是正规的吗", "{0}由持牌机构提供。"),
        ("{0}有年龄限制吗", "{0}多大能申请", "{0}几岁可以办", "{0}适合22到55岁。"),
        ("{0}外地人能办吗", "{0}要本地户口吗", "{0}限地区吗", "{0}全国可办。"),
        ("{0}被拒了怎么办", "{0}没通过怎么办", "{0}审批不过", "{0}被拒后30天可再申请。"),
        ("{0}能取消吗", "{0}不想要了", "{0}撤销申请", "{0}放款前可随时取消。"),
        ("{0}客服电话多少", "{0}怎么联系人工", "{0}人工服务", "{0}客服可在APP内联系。"),
    ];

    public static string WithKnowledgeBase()
    {
        var yaml = new StringBuilder("""
            format: huawu-script/1
            name: bench
            language: zh
            start: ask
            intents:
              interested: {keywords: [感兴趣, 想了解], examples: [我想了解一下, 你说说看吧, 那你介绍一下], counts: business}
              want_human: {keywords: [转人工], examples: [给我转人工, 我要找人工客服]}
            nodes:
              ask:
                say: 请问您有兴趣了解一下吗？
                routes:
                  - intent: interested
                    goto: bye
                  - intent: want_human
                    goto: bye
              bye:
                say: 再见
                hangup: done
            knowledge:
              entries:

            """);
        var id = 0;
        foreach (var product in Products)
        {
            foreach (var (question, similar1, similar2, answer) in Topics)
            {
                yaml.Append("    - {id: k").Append(id++).Append(", question: ").Append(string.Format(null, question, product))
                    .Append(", similar: [").Append(string.Format(null, similar1, product)).Append(", ").Append(string.Format(null, similar2, product))
                    .Append("], answer: ").Append(string.Format(null, answer, product)).Append("}\n");
            }
        }
        return yaml.ToString();
    }
}
