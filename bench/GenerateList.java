import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A list for the batch benchmark: N proposals as CSV (the columns of samples/lists/), valid and varied over the 22
 * border provinces and every sector, with a few percent of invalid rows of the kinds offices send (unknown province,
 * years out of order, negative total, unknown sector, duplicate id, a funding cell typed in words) and a few projects
 * of cities without a land border. The same seed gives the same file.
 *
 * <pre>java bench/GenerateList.java 100000 /tmp/list.csv</pre>
 */
public class GenerateList {

    static final long TY = 1_000_000_000L;

    static final String[] BORDER = {"Lai Châu", "Điện Biên", "Sơn La", "Lào Cai", "Tuyên Quang", "Cao Bằng", "Lạng Sơn",
            "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai",
            "Đắk Lắk", "Lâm Đồng", "Đồng Nai", "Tây Ninh", "Đồng Tháp", "An Giang"};
    static final String[] INLAND = {"Hà Nội", "Hải Phòng", "Cần Thơ", "Thái Nguyên"};
    static final String[] FIRST = {"Tân", "Hòa", "Phú", "Bình", "Thanh", "Minh", "Quang", "Đồng", "Na", "Bản", "Mường",
            "Pa", "Nậm", "Phìn", "Sín", "Ia", "Đắk", "Ea", "Lộc", "Xuân", "Hợp", "Thượng", "Hạ", "Trung", "Nam", "Bắc",
            "Kim", "Long", "Vĩnh", "Hưng", "Quốc", "Đoàn", "Châu", "Tả", "Lũng", "Pò", "Khuổi", "Cốc", "Thạch", "Yên",
            "Phước", "Tam", "Sơn", "Vạn", "Mỹ", "An", "Hữu", "Đức", "Chiềng", "Huổi", "Mù", "Si", "Bó", "Thông", "Cam",
            "Hương", "Lệ", "Tịnh", "Khánh", "Định"};
    static final String[] SECOND = {"Thanh", "Sơn", "Lương", "Tiến", "Lợi", "Hưng", "Phong", "Long", "Chải", "Hồ", "Khê",
            "Giang", "Lập", "Mỹ", "Bình", "Lâm", "Tuấn", "Hải", "An", "Yên", "Thủy", "Quý", "Việt", "Khánh", "Phúc",
            "Hòa", "Thái", "Xá", "Mộc", "Pục", "Nhàng", "Pình", "Hồng", "Lộc", "Đông", "Tây", "Trạch", "Thịnh", "Sang",
            "Luông"};
    static final String[] VILLAGES = {"Nà Pàn", "Bản Mới", "Khuổi Khon", "Lũng Rì", "Pác Rằng", "Nà Lạn", "Phiêng Luông",
            "Huổi Lếch", "Tà Làng", "Làng Mới", "Bản Chắt", "Pò Mã", "Nậm Cắn", "Ka Lăng", "Plei Ring", "Sóc Tà Đảnh"};

    record Sector(String code, String[] names, String features, double small) {
    }

    static final Sector[] SECTORS = {
            new Sector("TRANSPORT", new String[] {"Đường giao thông thôn %s, xã %s", "Cầu treo dân sinh %s, xã %s",
                    "Nâng cấp đường liên xã %s – %s"}, "", 0.45),
            new Sector("BORDER_GATE", new String[] {"Hạ tầng khu kiểm soát cửa khẩu %s, xã %s"}, "SHARED_TECHNICAL_INFRASTRUCTURE", 0.05),
            new Sector("TRADE_LOGISTICS", new String[] {"Chợ biên giới %s, xã %s", "Bãi kiểm hóa và kho hàng %s, xã %s"},
                    "BORDER_MARKET", 0.2),
            new Sector("INDUSTRY", new String[] {"Cụm công nghiệp %s, xã %s"}, "", 0.05),
            new Sector("ENERGY", new String[] {"Cấp điện lưới cho thôn %s, xã %s"}, "", 0.3),
            new Sector("TELECOM", new String[] {"Phủ sóng di động thôn %s, xã %s"}, "MOBILE_COVERAGE;BROADBAND", 0.4),
            new Sector("WATER_IRRIGATION", new String[] {"Công trình thủy lợi %s, xã %s", "Cấp nước sinh hoạt thôn %s, xã %s"},
                    "CLEAN_WATER", 0.45),
            new Sector("HEALTH", new String[] {"Trạm y tế xã %2$s (thôn %1$s)"}, "COMMUNE_HEALTH_STATION", 0.3),
            new Sector("EDUCATION", new String[] {"Trường phổ thông dân tộc bán trú %s, xã %s", "Nhà lớp học điểm trường %s, xã %s"},
                    "BOARDING_SCHOOL", 0.35),
            new Sector("VOCATIONAL_TRAINING", new String[] {"Trung tâm giáo dục nghề nghiệp %s, xã %s"}, "VOCATIONAL_TRAINING", 0.1),
            new Sector("AGRICULTURE_FORESTRY", new String[] {"Vùng trồng dược liệu tập trung %s, xã %s",
                    "Vùng cây ăn quả hàng hóa %s, xã %s"}, "CONCENTRATED_PRODUCTION_ZONE;OCOP", 0.35),
            new Sector("HOUSING_RESETTLEMENT", new String[] {"Ổn định dân cư thôn %s, xã %s"}, "RESETTLEMENT;LAND_ALLOCATION", 0.2),
            new Sector("TOURISM", new String[] {"Hạ tầng du lịch cộng đồng %s, xã %s"}, "COMMUNITY_TOURISM", 0.25),
            new Sector("CULTURE", new String[] {"Nhà văn hóa thôn %s, xã %s"}, "", 0.6),
            new Sector("SCIENCE_TECHNOLOGY", new String[] {"Chuyển giao kỹ thuật canh tác %s, xã %s"}, "TECHNOLOGY_TRANSFER", 0.3),
            new Sector("BORDER_DEFENSE", new String[] {"Đường tuần tra biên giới khu vực %s, xã %s", "Kè bảo vệ mốc giới %s, xã %s"},
                    "BORDER_PATROL_ROAD", 0.1),
            new Sector("ENVIRONMENT", new String[] {"Xử lý rác thải sinh hoạt %s, xã %s"}, "", 0.3),
            new Sector("URBAN", new String[] {"Hạ tầng khu dân cư %s, xã %s"}, "", 0.2),
            new Sector("OTHER", new String[] {"Trụ sở làm việc xã %2$s (%1$s)"}, "", 0.3)};

    static final String[] OPINIONS = {"AGREED", "AGREED", "AGREED", "AGREED", "AGREED_WITH_CONDITIONS", "REQUESTED", ""};
    static final String[] LINKAGES = {"BORDER_GATE", "CROSS_BORDER", "BORDER_ECONOMIC_ZONE", "MAJOR_CITY",
            "ECONOMIC_CORRIDOR", "DEVELOPED_TO_DISADVANTAGED", "INTER_PROVINCIAL"};
    static final String[] URGENCY = {"CRITICAL", "HIGH", "HIGH", "NORMAL", "NORMAL", "NORMAL", "LOW"};
    static final String[] EIA = {"APPROVED", "APPROVED", "NOT_REQUIRED", "NOT_REQUIRED", "PENDING", "REJECTED"};

    static final String HEADER = "id,name,assessmentDate,location.province,location.communes,location.inBorderBelt,"
            + "location.distanceToBorderKm,sector,features,investment.totalVnd,investment.sources,schedule.startYear,"
            + "schedule.endYear,planning.inProvincialPlan,planning.consistentWithSectoralPlans,"
            + "planning.consistentWithConstructionPlan,planning.inMediumTermInvestmentPlan,defenseSecurity.dualUse,"
            + "defenseSecurity.defenseOpinion,defenseSecurity.securityOpinion,defenseSecurity.foreignAffairsOpinion,"
            + "linkages,urgency.level,urgency.justification,beneficiaries.population,"
            + "beneficiaries.ethnicMinorityHouseholds,beneficiaries.poorHouseholds,beneficiaries.jobsCreated,"
            + "environment.protectedArea,environment.onBorderRiver,environment.eiaStatus";

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path out = Path.of(args.length > 1 ? args[1] : "/tmp/phendau-list.csv");
        SplittableRandom random = new SplittableRandom(20261129L);
        int invalid = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            for (int i = 0; i < n; i++) {
                List<String> row = row(i, random);
                // About 3% of the rows carry one of the mistakes offices make.
                if (i > 0 && random.nextInt(100) < 3) {
                    spoil(row, i, random);
                    invalid++;
                }
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    w.write(quote(row.get(c)));
                }
                w.write("\r\n");
            }
        }
        System.err.printf("%s: %d rows, about %d invalid, %.1f MB%n", out, n, invalid, Files.size(out) / 1e6);
    }

    static List<String> row(int i, SplittableRandom r) {
        boolean inland = r.nextInt(100) < 3;
        int p = r.nextInt(BORDER.length);
        String province = inland ? INLAND[r.nextInt(INLAND.length)] : BORDER[p];
        Sector sector = SECTORS[r.nextInt(SECTORS.length)];
        List<String> communes = new ArrayList<>();
        int count = r.nextInt(100) < 65 ? 1 : 2;
        for (int k = 0; k < count; k++) {
            String name = FIRST[(r.nextInt(FIRST.length) + p) % FIRST.length] + " " + SECOND[r.nextInt(SECOND.length)];
            if (!communes.contains(name)) {
                communes.add(name);
            }
        }
        boolean border = r.nextInt(100) < 40;
        String village = VILLAGES[r.nextInt(VILLAGES.length)];
        String name = String.format(sector.names()[r.nextInt(sector.names().length)], village, communes.get(0));

        long total;
        int size = r.nextInt(100);
        if (r.nextDouble() < sector.small()) {
            total = (1 + r.nextInt(15)) * TY + r.nextInt(10) * 100_000_000L;
        } else if (size < 80) {
            total = (16 + r.nextInt(140)) * TY;
        } else if (size < 97) {
            total = (160 + r.nextInt(1800)) * TY;
        } else {
            total = (2000 + r.nextInt(3000)) * TY;
        }
        List<String> sources = new ArrayList<>();
        long central = total / 10 * (5 + r.nextInt(5));
        sources.add("CENTRAL_BUDGET:" + central + ":true");
        long rest = total - central;
        if (rest > 0) {
            String type = new String[] {"LOCAL_BUDGET", "NATIONAL_TARGET_PROGRAM", "PRIVATE_DOMESTIC", "ODA", "PPP"}[r.nextInt(5)];
            sources.add(type + ":" + rest + ":" + (r.nextInt(100) < 85));
        }
        int start = 2026 + r.nextInt(4);
        int end = Math.min(2030, start + r.nextInt(4));
        boolean belt = border && r.nextBoolean();
        List<String> links = new ArrayList<>();
        for (String l : LINKAGES) {
            if (r.nextInt(100) < 15) {
                links.add(l);
            }
        }
        String urgency = URGENCY[r.nextInt(URGENCY.length)];
        int population = 300 + r.nextInt(20_000);
        return new ArrayList<>(List.of(
                String.format("BENCH-%06d", i + 1),
                name,
                "2026-11-25",
                province,
                String.join(";", communes.stream().map(c -> c + ":" + border).toList()),
                bool(belt),
                belt ? "0." + r.nextInt(10) : String.valueOf(1 + r.nextInt(60)),
                sector.code(),
                sector.features(),
                String.valueOf(total),
                String.join(";", sources),
                String.valueOf(start),
                String.valueOf(end),
                bool(r.nextInt(100) < 96),
                bool(r.nextInt(100) < 92),
                r.nextInt(100) < 85 ? "true" : "",
                bool(r.nextInt(100) < 90),
                bool(r.nextInt(100) < 30),
                OPINIONS[r.nextInt(OPINIONS.length)],
                OPINIONS[r.nextInt(OPINIONS.length)],
                OPINIONS[r.nextInt(OPINIONS.length)],
                String.join(";", links),
                urgency,
                urgency.equals("CRITICAL") || urgency.equals("HIGH")
                        ? "Hạ tầng hiện có xuống cấp nặng, ảnh hưởng trực tiếp đến đời sống của " + population + " người dân." : "",
                String.valueOf(population),
                String.valueOf(population / (8 + r.nextInt(10))),
                String.valueOf(population / (20 + r.nextInt(40))),
                String.valueOf(r.nextInt(200)),
                bool(r.nextInt(100) < 6),
                bool(r.nextInt(100) < 4),
                EIA[r.nextInt(EIA.length)]));
    }

    /** One of the mistakes of samples/lists/, put into the row. */
    static void spoil(List<String> row, int i, SplittableRandom r) {
        switch (r.nextInt(6)) {
            case 0 -> row.set(3, "Lạng Giang");
            case 1 -> {
                row.set(11, "2029");
                row.set(12, "2027");
            }
            case 2 -> row.set(9, "-" + row.get(9));
            case 3 -> row.set(7, "RURAL_ROADS");
            case 4 -> row.set(0, String.format("BENCH-%06d", 1 + r.nextInt(i)));
            default -> row.set(10, "NATIONAL_TARGET_PROGRAM:5,6 tỷ");
        }
    }

    static String bool(boolean b) {
        return b ? "true" : "false";
    }

    static String quote(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
