<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../survey_app/ui/app.py" line="57" />
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="58" />
        <source>无法打开数据库：{path}
{error}</source>
        <translation>Cannot open the database: {path}
{error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="89" />
        <location filename="../../survey_app/ui/app.py" line="127" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="124" />
        <source>首次启动：正在创建演示项目…</source>
        <translation>First start: creating the demo project…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="128" />
        <source>创建演示项目失败：{error}</source>
        <translation>Creating the demo project failed: {error}</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../survey_app/ui/formatting.py" line="26" />
        <source>{y}年{m}月{d}日</source>
        <translation>{d} {mon} {y}</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailHtml</name>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="71" />
        <source>第{rev}版　{when}　{who}</source>
        <translation>revision {rev}, {when}, {who}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="74" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="75" />
        <location filename="../../survey_app/ui/detail_html.py" line="102" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="76" />
        <location filename="../../survey_app/ui/detail_html.py" line="103" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="77" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="78" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="79" />
        <source>调查员</source>
        <translation>Surveyor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="80" />
        <source>签约意愿</source>
        <translation>Willing to sign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="81" />
        <source>意向安置方式</source>
        <translation>Preferred mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="82" />
        <location filename="../../survey_app/ui/detail_html.py" line="150" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="83" />
        <source>最后修改</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="85" />
        <source>户主与住户</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="89" />
        <source>低保</source>
        <translation>Minimum allowance</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="89" />
        <source>残疾</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="90" />
        <source>大病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="92" />
        <source>户籍不在本址</source>
        <translation>Hukou elsewhere</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="102" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="102" />
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="102" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="102" />
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="103" />
        <source>情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="104" />
        <source>家庭成员（{n}人）</source>
        <translation>Family members ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="114" />
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="114" />
        <source>证书类型</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="114" />
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="114" />
        <source>份额</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="115" />
        <source>土地面积 m²</source>
        <translation>Land m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="116" />
        <source>产权</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="120" />
        <location filename="../../survey_app/ui/detail_html.py" line="133" />
        <source>建筑部分</source>
        <translation>Building parts</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="125" />
        <source>部位</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="125" />
        <location filename="../../survey_app/ui/detail_html.py" line="157" />
        <source>面积 m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="125" />
        <location filename="../../survey_app/ui/detail_html.py" line="164" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="125" />
        <source>结构</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="125" />
        <source>层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="126" />
        <source>建成年份</source>
        <translation>Built</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="126" />
        <source>合法性</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="131" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="144" />
        <source>{n}处</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="148" />
        <location filename="../../survey_app/ui/detail_html.py" line="152" />
        <source>附属物</source>
        <translation>Fixtures</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="148" />
        <location filename="../../survey_app/ui/detail_html.py" line="150" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="150" />
        <source>其他调查项目</source>
        <translation>Other items</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="157" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="157" />
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="157" />
        <source>年利润</source>
        <translation>Annual profit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="158" />
        <source>经营</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="164" />
        <source>报告编号</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="164" />
        <source>评估机构</source>
        <translation>Appraiser</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="164" />
        <source>评估单价 元/m²</source>
        <translation>Unit price yuan/m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="165" />
        <source>评估日期</source>
        <translation>Appraised on</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="166" />
        <source>评估</source>
        <translation>Appraisal</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailView</name>
    <message>
        <location filename="../../survey_app/ui/household_detail.py" line="44" />
        <location filename="../../survey_app/ui/household_detail.py" line="68" />
        <source>在左侧列表中选择一户，这里显示其详细情况</source>
        <translation>Select a household in the list to see its details here</translation>
    </message>
</context>
<context>
    <name>HouseholdFilterBar</name>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="30" />
        <source>搜索 户号 / 姓名 / 拼音 / 身份证号 / 电话 / 地址</source>
        <translation>Search code / name / pinyin / ID number / phone / address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="37" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="63" />
        <source>全部 ({n})</source>
        <translation>All ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="65" />
        <source>{label} ({n})</source>
        <translation>{label} ({n})</translation>
    </message>
</context>
<context>
    <name>HouseholdModel</name>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="31" />
        <source>户号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="32" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="33" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="34" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="35" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="36" />
        <source>人口</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="37" />
        <source>建筑面积 m²</source>
        <translation>Floor area m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="38" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="149" />
        <source>此列不能排序</source>
        <translation>This column cannot be sorted</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="18" />
        <source>待调查</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="19" />
        <source>已调查</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="20" />
        <source>已复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="21" />
        <source>已测算</source>
        <translation>Calculated</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="22" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="23" />
        <source>已交房</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="27" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="28" />
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="29" />
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="30" />
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="31" />
        <source>孙子女</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="32" />
        <source>兄弟姐妹</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="33" />
        <source>儿媳/女婿</source>
        <translation>Child-in-law</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="34" />
        <location filename="../../survey_app/ui/labels.py" line="42" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="38" />
        <source>住宅</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="39" />
        <source>商业</source>
        <translation>Commercial</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="40" />
        <source>办公</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="41" />
        <source>工业</source>
        <translation>Industrial</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="46" />
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="47" />
        <source>未登记认定合法</source>
        <translation>Unregistered, found legal</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="48" />
        <source>违法建筑</source>
        <translation>Illegal</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="49" />
        <source>临时建筑</source>
        <translation>Temporary</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="53" />
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="54" />
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="58" />
        <source>调查员</source>
        <translation>Field worker</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="59" />
        <source>复核员</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="60" />
        <source>指挥部管理员</source>
        <translation>HQ admin</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="64" />
        <source>同意</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="65" />
        <source>未决定</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="66" />
        <source>不同意</source>
        <translation>Refuses</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="70" />
        <source>货币补偿</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="71" />
        <source>产权调换</source>
        <translation>Property exchange</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="72" />
        <source>房票安置</source>
        <translation>Housing voucher</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="77" />
        <source>水表</source>
        <translation>Water meter</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="78" />
        <source>电表</source>
        <translation>Electricity meter</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="79" />
        <source>空调</source>
        <translation>Air conditioner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="80" />
        <source>热水器</source>
        <translation>Water heater</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="81" />
        <location filename="../../survey_app/ui/labels.py" line="82" />
        <source>管道燃气</source>
        <translation>Piped gas</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="83" />
        <source>有线电视</source>
        <translation>Cable TV</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="84" />
        <source>固定电话</source>
        <translation>Landline</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="88" />
        <source>主表</source>
        <translation>main</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="89" />
        <source>分表</source>
        <translation>sub</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="90" />
        <source>挂机</source>
        <translation>split</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="91" />
        <source>柜机</source>
        <translation>cabinet</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="92" />
        <source>电</source>
        <translation>electric</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="93" />
        <source>燃气</source>
        <translation>gas</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="94" />
        <source>太阳能</source>
        <translation>solar</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="98" />
        <location filename="../../survey_app/ui/labels.py" line="99" />
        <source>简易棚</source>
        <translation>Simple shed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="100" />
        <source>阁楼</source>
        <translation>Loft</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="101" />
        <source>灶台</source>
        <translation>Stove</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="102" />
        <source>水井</source>
        <translation>Well</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="103" />
        <source>围墙</source>
        <translation>Fence wall</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="110" />
        <source>钢混</source>
        <translation>Reinforced concrete</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="111" />
        <source>砖混</source>
        <translation>Brick-concrete</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="112" />
        <source>砖木</source>
        <translation>Brick-wood</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="113" />
        <source>简易</source>
        <translation>Simple</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="117" />
        <source>简易装修</source>
        <translation>Simple decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="118" />
        <source>中档装修</source>
        <translation>Medium decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="119" />
        <source>精装修</source>
        <translation>Fine decoration</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="39" />
        <source>登录 — 征收补偿入户调查</source>
        <translation>Log in — Household Survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="42" />
        <source>征收补偿入户调查</source>
        <translation>Household Survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="61" />
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="62" />
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="70" />
        <source>演示账号：worker / worker123（调查员）
reviewer / review123（复核员）　hq / hq123456（指挥部管理员）</source>
        <translation>Demo accounts: worker / worker123 (field worker)
reviewer / review123 (supervisor), hq / hq123456 (HQ admin)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="78" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="82" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="102" />
        <source>请输入用户名</source>
        <translation>Please enter a user name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="108" />
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="36" />
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="37" />
        <source>征收补偿入户调查</source>
        <translation>Household Survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="64" />
        <source>当前用户：{name}（{role}）</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="90" />
        <source>共 {n} 户</source>
        <translation>{n} households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="101" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="102" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="108" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="109" />
        <source>搜索(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="114" />
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="124" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="125" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="135" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="135" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The interface language will change at the next start.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="140" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="141" />
        <source>&lt;b&gt;征收补偿入户调查&lt;/b&gt; {version}&lt;br&gt;离线入户调查、补偿测算与协议工作站。&lt;br&gt;数据库：{path}</source>
        <translation>&lt;b&gt;Household Survey&lt;/b&gt; {version}&lt;br&gt;Offline survey, compensation and agreement workstation.&lt;br&gt;Database: {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="146" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="146" />
        <source>还有任务在运行，确定要取消并退出吗？</source>
        <translation>A task is still running. Cancel it and quit?</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="134" />
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="134" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="136" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="148" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
